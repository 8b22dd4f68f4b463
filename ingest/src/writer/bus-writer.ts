import { SUBJECTS } from '@kh02/schemas';
import type { Bus, BusMessage, ConsumerSpec, Subscription } from '@kh02/platform';
import type { Logger } from 'pino';
import type { Row } from './rows.js';
import type { BatchStore } from './batch-store.js';
import { StoreWrites, type Pending, type WriterObserver } from './store-writes.js';

export type { WriterObserver };

/** Turns one bus message into rows of one table; throws if the message cannot be read. */
export type MessageDecoder = (msg: BusMessage) => { table: string; rows: Row[] };

export interface BusWriterOptions {
  bus: Bus;
  store: BatchStore;
  consumer: ConsumerSpec;
  logger: Logger;
  decode: MessageDecoder;
  /** Dead-letter subject suffix, e.g. 'telemetry'. */
  origin: string;
  /**
   * Check every batch's event ids against ClickHouse, not only redeliveries,
   * so an event re-sent under a new Idempotency-Key is still stored once.
   */
  exactDedup: boolean;
  /** Flush when this many rows are buffered… */
  maxBatchRows: number;
  /** …or when the oldest buffered message is this old (≤ 1 s per the design). */
  flushIntervalMs: number;
  /** Above this many buffered rows new messages go back to the bus (bounded memory while the store is down). */
  highWaterRows: number;
  /** Messages waiting and nothing stored or dead-lettered for this long: the writer is stalled (/ready fails). */
  stallAfterMs?: number;
  /** Told about every insert (for the batch-size and latency histograms). */
  observer?: WriterObserver;
  now?: () => number;
}

export interface WriterStats {
  flushes: number;
  rowsWritten: number;
  messagesAcked: number;
  duplicatesSkipped: number;
  deadLettered: number;
  retries: number;
  bufferedRows: number;
  lastError: string | undefined;
  lastFlushAtMs: number | undefined;
}

/**
 * Consumes a bus stream and writes ClickHouse in batches. A bus
 * message is acknowledged only after every row it carried is in ClickHouse
 * (or, if ClickHouse rejects it as malformed, after it is in the dead-letter
 * stream): nothing is ever dropped silently.
 */
export class BusWriter {
  readonly stats: WriterStats = {
    flushes: 0,
    rowsWritten: 0,
    messagesAcked: 0,
    duplicatesSkipped: 0,
    deadLettered: 0,
    retries: 0,
    bufferedRows: 0,
    lastError: undefined,
    lastFlushAtMs: undefined,
  };
  private buffer: Pending[] = [];
  /** The batch being written (taken out of the buffer). */
  private writing: Pending[] = [];
  private readonly bufferedSeqs = new Set<number>();
  private oldestAtMs = 0;
  private lastHeartbeatMs = 0;
  private flushing: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private abandonRetries = false;
  private readonly now: () => number;
  /** Last time a batch was stored (or dead-lettered), or messages started waiting after a quiet spell. */
  private progressAtMs: number;

  /** The stream this writer drains ('telemetry', 'workflow'), for logs and metrics. */
  get origin(): string {
    return this.opts.origin;
  }

  private readonly writes: StoreWrites;

  constructor(private readonly opts: BusWriterOptions) {
    this.now = opts.now ?? Date.now;
    this.progressAtMs = this.now();
    this.writes = new StoreWrites({
      store: opts.store,
      stats: this.stats,
      logger: opts.logger,
      exactDedup: opts.exactDedup,
      ...(opts.observer ? { observer: opts.observer } : {}),
      abandoned: () => this.abandonRetries,
      deadLetter: (msg, err) => this.deadLetter(msg, 'rejected_by_clickhouse', err, false),
    });
  }

  async start(): Promise<void> {
    this.subscription = await this.opts.bus.consume(this.opts.consumer, (m) => this.onMessage(m));
    const tickMs = Math.max(10, Math.min(100, Math.floor(this.opts.flushIntervalMs / 2)));
    this.timer = setInterval(() => this.tick(), tickMs);
  }

  /** Writes what is buffered (bounded by `graceMs`), then detaches; the rest is redelivered later. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const abandon = setTimeout(() => {
      this.abandonRetries = true;
    }, graceMs);
    this.kickFlush();
    await this.flushing;
    clearTimeout(abandon);
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.stop();
  }

  /** How long messages have waited without anything being stored; 0 when nothing waits. */
  stalledForMs(): number {
    if (this.bufferedSeqs.size === 0) return 0;
    return Math.max(0, this.now() - this.progressAtMs);
  }

  /** Age of the oldest message held (buffered or being written), from its bus publish time; 0 when none. */
  oldestWaitingMs(): number {
    let oldest = Infinity;
    for (const p of this.buffer) oldest = Math.min(oldest, p.msg.publishedAtMs);
    for (const p of this.writing) oldest = Math.min(oldest, p.msg.publishedAtMs);
    return oldest === Infinity ? 0 : Math.max(0, this.now() - oldest);
  }

  isStalled(): boolean {
    return this.stalledForMs() > (this.opts.stallAfterMs ?? 30_000);
  }

  /** True while the writer is making progress (for /ready). */
  isHealthy(): boolean {
    return !this.stopping && this.subscription !== undefined && !this.isStalled();
  }

  private onMessage(msg: BusMessage): void {
    if (this.stopping || this.stats.bufferedRows >= this.opts.highWaterRows) {
      msg.nak(this.stopping ? 0 : 1_000);
      return;
    }
    if (this.bufferedSeqs.has(msg.seq)) {
      // Redelivered while still buffered (ack wait expired during a long store outage): keep the newest handle.
      const entry = this.buffer.find((p) => p.msg.seq === msg.seq);
      if (entry) entry.msg = msg;
      return;
    }
    let decoded: { table: string; rows: Row[] };
    try {
      decoded = this.opts.decode(msg);
    } catch (err) {
      void this.deadLetter(msg, 'undecodable', err);
      return;
    }
    const { table, rows } = decoded;
    if (this.bufferedSeqs.size === 0) this.progressAtMs = this.now();
    if (this.buffer.length === 0) this.oldestAtMs = this.now();
    this.buffer.push({ msg, table, rows, buffered: rows.length });
    this.bufferedSeqs.add(msg.seq);
    this.stats.bufferedRows += rows.length;
    if (this.stats.bufferedRows >= this.opts.maxBatchRows) this.kickFlush();
  }

  private tick(): void {
    const t = this.now();
    if (this.buffer.length > 0 && t - this.oldestAtMs >= this.opts.flushIntervalMs) this.kickFlush();
    // Long store outages: keep buffered messages from being redelivered elsewhere.
    if (t - this.lastHeartbeatMs > 15_000) {
      this.lastHeartbeatMs = t;
      for (const p of this.buffer) p.msg.working();
    }
  }

  private kickFlush(): void {
    this.flushing ??= this.flushLoop().finally(() => {
      this.flushing = undefined;
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.buffer.length > 0 && !this.abandonRetries) {
      const due = this.now() - this.oldestAtMs >= this.opts.flushIntervalMs;
      if (!due && !this.stopping && this.stats.bufferedRows < this.opts.maxBatchRows) return;
      const batch = this.takeBatch();
      this.writing = batch;
      try {
        await this.writeBatch(batch);
        this.writing = [];
      } catch (err) {
        this.writing = [];
        // Retries abandoned at shutdown, or a failure no retry can mend (the dead-letter stream refused
        // too): hand the batch back to the bus for redelivery, later; the stall shows on /ready meanwhile.
        for (const p of batch) {
          this.bufferedSeqs.delete(p.msg.seq);
          this.stats.bufferedRows -= p.buffered;
          if (!this.abandonRetries) p.msg.nak(5_000);
        }
        this.stats.lastError = err instanceof Error ? err.message : String(err);
        this.opts.logger.warn({ err, messages: batch.length }, 'batch left unacknowledged');
        return;
      }
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let rows = 0;
    while (this.buffer.length > 0 && (rows < this.opts.maxBatchRows || batch.length === 0)) {
      const p = this.buffer.shift();
      if (!p) break;
      batch.push(p);
      rows += p.rows.length;
    }
    this.oldestAtMs = this.now();
    return batch;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const byTable = new Map<string, Pending[]>();
    for (const p of batch) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
    for (const [table, entries] of byTable) {
      await this.writes.dropAlreadyStored(table, entries);
      await this.writes.insert(table, entries);
    }
    for (const p of batch) {
      p.msg.ack();
      this.bufferedSeqs.delete(p.msg.seq);
      this.stats.bufferedRows -= p.buffered;
      this.stats.messagesAcked++;
    }
    this.stats.flushes++;
    this.stats.lastFlushAtMs = this.now();
    this.progressAtMs = this.now();
  }

  /** Poison goes to the dead-letter stream with the reason; only then is the original acknowledged. */
  private async deadLetter(msg: BusMessage, reason: string, err: unknown, ack = true): Promise<void> {
    const detail = err instanceof Error ? err.message : String(err);
    try {
      await this.opts.bus.publish(SUBJECTS.deadLetter(this.opts.origin), msg.data, {
        msgId: `dlq:${msg.subject}:${msg.seq}`,
        headers: { 'KH02-Reason': reason, 'KH02-Detail': detail.slice(0, 500), 'KH02-Origin-Seq': String(msg.seq) },
      });
      this.stats.deadLettered++;
      this.progressAtMs = this.now();
      this.opts.logger.error({ seq: msg.seq, reason, detail }, 'message sent to dead-letter stream');
      if (ack) msg.ack();
    } catch (publishErr) {
      this.opts.logger.error({ err: publishErr, seq: msg.seq }, 'dead-letter publish failed; will retry');
      if (ack) msg.nak(5_000);
      else throw publishErr;
    }
  }
}
