import { createHash } from 'node:crypto';
import type { BusMessage } from '@kh02/platform';
import type { Logger } from 'pino';
import type { BatchStore } from './batch-store.js';
import { backoffMs, classifyInsertError, UNKNOWN_ERROR_ATTEMPTS } from './classify-error.js';
import type { Row } from './rows.js';
import type { WriterStats } from './bus-writer.js';

/** One bus message in the writer: its rows for one table. */
export interface Pending {
  msg: BusMessage;
  table: string;
  rows: Row[];
  /** Rows it brought into the buffer (rows may shrink when duplicates are dropped). */
  buffered: number;
}

export interface WriterObserver {
  inserted(rows: number, seconds: number): void;
}

export interface StoreWritesDeps {
  store: BatchStore;
  stats: WriterStats;
  logger: Logger;
  exactDedup: boolean;
  observer?: WriterObserver;
  /** True once shutdown gave up waiting: transient failures stop being retried. */
  abandoned: () => boolean;
  /** Sends a message ClickHouse refuses to the dead-letter stream (acked with its batch). */
  deadLetter: (msg: BusMessage, err: unknown) => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What the writer does with a batch in ClickHouse: drop what is already
 * stored, insert the rest, retry while the store is away, and bisect a batch
 * it refuses down to the messages it cannot hold.
 */
export class StoreWrites {
  constructor(private readonly deps: StoreWritesDeps) {}

  /**
   * Drops rows whose event id is already stored: always for redelivered
   * messages (the previous writer may have inserted them and died before
   * acking) and, with `exactDedup`, for every batch (a client re-sent the event
   * under a new Idempotency-Key). One indexed query per table per flush.
   */
  async dropAlreadyStored(table: string, entries: Pending[]): Promise<void> {
    const seen = new Set<string>();
    for (const p of entries) {
      p.rows = p.rows.filter((r) => {
        const id = String(r.event_id);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    }
    const checked = this.deps.exactDedup ? entries : entries.filter((p) => p.msg.deliveryCount > 1);
    const rows = checked.flatMap((p) => p.rows);
    if (rows.length === 0) return;
    const existing = await this.retryTransient(() => this.deps.store.existingEventIds(table, rows));
    if (existing.size === 0) return;
    for (const p of checked) {
      const before = p.rows.length;
      p.rows = p.rows.filter((r) => !existing.has(String(r.event_id)));
      this.deps.stats.duplicatesSkipped += before - p.rows.length;
    }
  }

  /**
   * Inserts the entries' rows; a batch ClickHouse refuses is bisected down to
   * the message(s) it cannot hold, which go to the dead-letter stream, while
   * every healthy message is stored. Never blocks: only an unreachable store
   * is retried without end.
   */
  async insert(table: string, entries: Pending[], attempts = UNKNOWN_ERROR_ATTEMPTS): Promise<void> {
    const rows = entries.flatMap((p) => p.rows);
    if (rows.length === 0) return;
    const token = createHash('sha256')
      .update(`${table}:${entries.map((p) => p.msg.seq).join(',')}`)
      .digest('hex');
    for (let attempt = 1; ; attempt++) {
      try {
        const started = performance.now();
        await this.retryTransient(() => this.deps.store.insert(table, rows, token));
        this.deps.observer?.inserted(rows.length, (performance.now() - started) / 1000);
        this.deps.stats.rowsWritten += rows.length;
        return;
      } catch (err) {
        const kind = classifyInsertError(err);
        if (kind === 'transient') throw err;
        if (kind === 'unknown' && attempt < attempts) {
          this.noteRetry(err);
          await sleep(backoffMs(attempt));
          continue;
        }
        if (entries.length === 1 && entries[0]) {
          await this.deps.deadLetter(entries[0].msg, err);
          entries[0].rows = [];
          return;
        }
        // Halves are tried once each: the retries above already ruled out a passing fault.
        const mid = Math.ceil(entries.length / 2);
        await this.insert(table, entries.slice(0, mid), 1);
        await this.insert(table, entries.slice(mid), 1);
        return;
      }
    }
  }

  private noteRetry(err: unknown): void {
    this.deps.stats.retries++;
    this.deps.stats.lastError = err instanceof Error ? err.message : String(err);
  }

  private async retryTransient<T>(op: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await op();
        if (attempt > 0) this.deps.logger.info({ attempts: attempt + 1 }, 'ClickHouse recovered');
        this.deps.stats.retries = 0;
        return result;
      } catch (err) {
        if (classifyInsertError(err) !== 'transient' || this.deps.abandoned()) throw err;
        this.noteRetry(err);
        const wait = backoffMs(attempt);
        if (attempt % 10 === 0)
          this.deps.logger.warn({ err, attempt, waitMs: wait }, 'ClickHouse unavailable, retrying');
        await sleep(wait);
      }
    }
  }
}
