/* Pure helpers for the wall's "mới chuyển trạng thái" list (kept out of the reactive class). */
import type { StatusChange } from '@kh02/schemas';

const key = (c: StatusChange) => `${c.code}|${c.at}`;

/** New changes on top of the known ones, without repeats (a replayed diff carries them again). */
export function mergeChanges(
  known: readonly StatusChange[],
  fresh: readonly StatusChange[],
  keep: number,
): { changes: StatusChange[]; added: StatusChange[] } {
  const seen = new Set(known.map(key));
  const added = fresh.filter((c) => !seen.has(key(c)));
  return { changes: [...added, ...known].slice(0, keep), added };
}

/** The time each unit last changed, with `codes` marked at `at`. */
export function markChanged(
  changedAt: ReadonlyMap<string, number>,
  codes: Iterable<string>,
  at: number,
): ReadonlyMap<string, number> {
  const next = new Map(changedAt);
  for (const code of codes) next.set(code, at);
  return next;
}

export const NO_CHANGES: ReadonlyMap<string, number> = new Map();
