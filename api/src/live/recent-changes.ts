import type { StatusChange } from '@kh02/schemas';

/**
 * The wall's "mới chuyển trạng thái" list: the latest colour changes of
 * top-level units (provinces and agencies), newest first. The full list goes
 * in every snapshot; each wall diff carries only the changes since the
 * previous one, so a wall that resumes by sequence misses none.
 */
export class RecentChanges {
  private list: StatusChange[] = [];
  private pending: StatusChange[] = [];

  constructor(private readonly keep = 30) {}

  /** Changes loaded from stored history at start (any order). */
  seed(changes: Iterable<StatusChange>): void {
    this.list = [...changes, ...this.list].sort((a, b) => b.at.localeCompare(a.at)).slice(0, this.keep);
  }

  add(change: StatusChange): void {
    this.list.unshift(change);
    if (this.list.length > this.keep) this.list.length = this.keep;
    this.pending.unshift(change);
  }

  all(): StatusChange[] {
    return [...this.list];
  }

  /** Changes since the previous call, newest first (for the next diff). */
  takePending(): StatusChange[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }
}
