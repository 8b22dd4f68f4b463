import { mkdir, open, readdir, readFile, rm, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecords, encodeRecord, type JournalRecord } from './journal-codec.js';

interface Segment {
  firstSeq: number;
  path: string;
  size: number;
  /** Publish records in this segment whose message is still retained. */
  live: number;
}

interface PendingWrite {
  buf: Buffer;
  /** Set for publish records: where a new segment may start. */
  publishSeq?: number;
  done?: { resolve: () => void; reject: (e: unknown) => void };
}

export interface JournalOptions {
  segmentBytes: number;
  /** fdatasync before acknowledging a publish. Off only in throwaway tests. */
  fsync: boolean;
}

/**
 * Append-only, segmented write-ahead journal for one local stream. Publishes
 * resolve only after their bytes are flushed (group commit: one fdatasync per
 * batch of concurrent publishes). Segments are deleted oldest-first once none
 * of their messages are retained, so an ack record is never dropped while the
 * message it refers to could still be replayed.
 */
export class StreamJournal {
  private readonly segments: Segment[] = [];
  private queue: PendingWrite[] = [];
  private fh: FileHandle | undefined;
  private flushing = false;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly opts: JournalOptions,
  ) {}

  /** Opens the journal and returns every valid record in order. Torn tails are truncated. */
  static async open(dir: string, opts: JournalOptions): Promise<{ journal: StreamJournal; records: JournalRecord[] }> {
    await mkdir(dir, { recursive: true });
    const journal = new StreamJournal(dir, opts);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.seg')).sort();
    const records: JournalRecord[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const buf = await readFile(path);
      const decoded = decodeRecords(buf);
      if (decoded.validBytes < buf.length) await truncate(path, decoded.validBytes);
      records.push(...decoded.records);
      journal.segments.push({ firstSeq: Number.parseInt(name, 10), path, size: decoded.validBytes, live: 0 });
    }
    return { journal, records };
  }

  /** Tell the journal which sequences are still retained after replay. */
  markLive(seq: number): void {
    const seg = this.segmentOf(seq);
    if (seg) seg.live++;
  }

  /** The message left the stream; its segment may become deletable. */
  markDeleted(seq: number): void {
    const seg = this.segmentOf(seq);
    if (seg && seg.live > 0) seg.live--;
  }

  /** Durable append: resolves after the record is on disk. */
  append(record: JournalRecord & { type: 'publish' }): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ buf: encodeRecord(record), publishSeq: record.seq, done: { resolve, reject } });
      this.kick();
    });
  }

  /** Best-effort append (acks): written with the next flush, losing one only causes a redelivery. */
  appendLazy(record: JournalRecord): void {
    this.queue.push({ buf: encodeRecord(record) });
    this.kick();
  }

  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await new Promise((r) => setTimeout(r, 1));
    }
    this.closed = true;
    await this.fh?.close();
    this.fh = undefined;
  }

  private segmentOf(seq: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = this.segments[mid];
      if (seg && seg.firstSeq <= seq) {
        found = seg;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private kick(): void {
    if (this.flushing || this.closed || this.queue.length === 0) return;
    this.flushing = true;
    setImmediate(() => {
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      let run: Buffer[] = [];
      for (const item of batch) {
        const active = this.segments.at(-1);
        const mustRoll = item.publishSeq !== undefined && (!active || active.size >= this.opts.segmentBytes);
        if (mustRoll && item.publishSeq !== undefined) {
          await this.writeRun(run);
          run = [];
          await this.roll(item.publishSeq);
        }
        run.push(item.buf);
        const seg = this.segments.at(-1);
        if (seg) {
          seg.size += item.buf.length;
          if (item.publishSeq !== undefined) seg.live++;
        }
      }
      await this.writeRun(run);
      if (this.opts.fsync) await this.fh?.datasync();
      for (const item of batch) item.done?.resolve();
      await this.deleteReleasedSegments();
    } catch (err) {
      for (const item of batch) item.done?.reject(err);
    } finally {
      this.flushing = false;
      this.kick();
    }
  }

  private async writeRun(run: Buffer[]): Promise<void> {
    if (run.length === 0) return;
    if (!this.fh) await this.roll(undefined);
    await this.fh?.writev(run);
  }

  private async roll(firstSeq: number | undefined): Promise<void> {
    const active = this.segments.at(-1);
    if (firstSeq === undefined && active) {
      this.fh = await open(active.path, 'a');
      return;
    }
    await this.fh?.close();
    const seq = firstSeq ?? 1;
    const path = join(this.dir, `${String(seq).padStart(16, '0')}.seg`);
    this.fh = await open(path, 'a');
    this.segments.push({ firstSeq: seq, path, size: 0, live: 0 });
  }

  private async deleteReleasedSegments(): Promise<void> {
    while (this.segments.length > 1 && this.segments[0]?.live === 0) {
      const seg = this.segments.shift();
      if (seg) await rm(seg.path, { force: true });
    }
  }
}
