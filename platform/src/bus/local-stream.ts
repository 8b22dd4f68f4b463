import { StreamJournal, type JournalOptions } from './journal.js';
import { LocalConsumer, type ConsumerHost, type StoredMessage } from './local-consumer.js';
import { subjectMatches } from './subject-match.js';
import {
  BusFullError,
  DIGEST_HEADER,
  WrongLastSequenceError,
  type ConsumerSpec,
  type PublishAck,
  type PublishOptions,
  type StreamSpec,
  type StreamState,
} from './types.js';

interface DedupEntry {
  seq: number;
  atMs: number;
  digest: string | undefined;
  /** Resolves when the first publish is durable; duplicates wait for it. */
  durable: Promise<void>;
}

// Entries live for the whole dedup window (10 min, ~10k requests/s at peak): once the publish is
// durable, every entry shares this one settled promise instead of keeping its own (and the journal's).
const DURABLE: Promise<void> = Promise.resolve();

/** One in-process stream: retention, dedup window, limits, consumers, optional journal. */
export class LocalStream implements ConsumerHost {
  private readonly messages = new Map<number, StoredMessage>();
  private readonly dedup = new Map<string, DedupEntry>();
  private readonly lastBySubject = new Map<string, number>();
  readonly consumers = new Map<string, LocalConsumer>();
  private lastSeq = 0;
  /**
   * Highest sequence up to which every publish has finished (stored or rolled
   * back). Consumers only see messages up to here, so a slow fsync of seq 5
   * can never let seq 6 overtake it and leave 5 undelivered.
   */
  private visibleSeq = 0;
  private readonly finishedAhead = new Set<number>();
  private headSeq = 1;
  private bytes = 0;
  private journal: StreamJournal | undefined;

  constructor(
    readonly spec: StreamSpec,
    private readonly now: () => number,
  ) {}

  /** Replays the journal (if any) and registers the durable consumers. */
  async open(durables: ConsumerSpec[], journalDir: string | undefined, opts: JournalOptions): Promise<void> {
    for (const d of durables) this.consumers.set(d.name, new LocalConsumer(d, this, this.now));
    if (!journalDir) return;
    const { journal, records } = await StreamJournal.open(journalDir, opts);
    this.journal = journal;
    const acked = new Map<number, Set<string>>();
    for (const r of records) {
      if (r.type === 'ack') {
        const set = acked.get(r.seq) ?? new Set<string>();
        set.add(r.consumer);
        acked.set(r.seq, set);
        continue;
      }
      this.lastSeq = Math.max(this.lastSeq, r.seq);
      this.lastBySubject.set(r.subject, r.seq);
      if (r.msgId)
        this.dedup.set(r.msgId, {
          seq: r.seq,
          atMs: r.publishedAtMs,
          digest: r.headers[DIGEST_HEADER],
          durable: DURABLE,
        });
      const interest = new Set<string>();
      for (const d of durables) if (this.consumerWants(d, r.subject)) interest.add(d.name);
      this.messages.set(r.seq, {
        seq: r.seq,
        subject: r.subject,
        data: r.data,
        headers: r.headers,
        msgId: r.msgId,
        publishedAtMs: r.publishedAtMs,
        size: r.data.length,
        interest,
        // The previous process may have delivered it already: consumers must treat it as a redelivery.
        priorDeliveries: 1,
      });
    }
    for (const [seq, consumers] of acked) {
      const msg = this.messages.get(seq);
      if (!msg) continue;
      for (const c of consumers) msg.interest.delete(c);
    }
    for (const msg of [...this.messages.values()]) {
      if (this.spec.retention === 'interest' && msg.interest.size === 0) this.messages.delete(msg.seq);
      else {
        this.bytes += msg.size;
        journal.markLive(msg.seq);
      }
    }
    this.visibleSeq = this.lastSeq;
    this.advanceHead();
    this.expire();
  }

  /** Marks a publish finished and extends the visible prefix; returns true if consumers have news. */
  private finish(seq: number): boolean {
    this.finishedAhead.add(seq);
    const before = this.visibleSeq;
    while (this.finishedAhead.has(this.visibleSeq + 1)) {
      this.visibleSeq++;
      this.finishedAhead.delete(this.visibleSeq);
    }
    return this.visibleSeq > before;
  }

  async publish(subject: string, data: Uint8Array, opts: PublishOptions): Promise<PublishAck> {
    this.expire();
    const existing = this.dedup.get(opts.msgId);
    if (existing && existing.atMs >= this.now() - this.spec.duplicateWindowMs) {
      await existing.durable;
      return {
        stream: this.spec.name,
        seq: existing.seq,
        duplicate: true,
        ...(existing.digest !== undefined ? { originalDigest: existing.digest } : {}),
      };
    }
    if (opts.expectedLastSubjectSeq !== undefined) {
      const actual = this.lastBySubject.get(subject) ?? 0;
      if (actual !== opts.expectedLastSubjectSeq) {
        throw new WrongLastSequenceError(subject, opts.expectedLastSubjectSeq, actual);
      }
    }
    if (data.length > this.spec.maxMsgBytes) throw new BusFullError(`message of ${data.length} B exceeds max_msg_size`);
    if (this.bytes + data.length > this.spec.maxBytes) throw new BusFullError(`stream ${this.spec.name} is full`);

    const seq = ++this.lastSeq;
    const publishedAtMs = this.now();
    const previousSubjectSeq = this.lastBySubject.get(subject);
    this.lastBySubject.set(subject, seq);
    this.bytes += data.length;
    const headers =
      opts.digest !== undefined ? { ...opts.headers, [DIGEST_HEADER]: opts.digest } : (opts.headers ?? {});
    const durable = this.journal
      ? this.journal.append({ type: 'publish', seq, subject, msgId: opts.msgId, publishedAtMs, headers, data })
      : Promise.resolve();
    const entry: DedupEntry = { seq, atMs: publishedAtMs, digest: opts.digest, durable };
    this.dedup.set(opts.msgId, entry);
    try {
      await durable;
      entry.durable = DURABLE;
    } catch (err) {
      // Not durable, so not accepted: undo so a retry can succeed.
      if (this.finish(seq)) for (const c of this.consumers.values()) c.notify();
      this.bytes -= data.length;
      if (this.dedup.get(opts.msgId) === entry) this.dedup.delete(opts.msgId);
      if (this.lastBySubject.get(subject) === seq) {
        if (previousSubjectSeq === undefined) this.lastBySubject.delete(subject);
        else this.lastBySubject.set(subject, previousSubjectSeq);
      }
      throw err;
    }
    const interest = new Set<string>();
    for (const c of this.consumers.values()) if (this.consumerWants(c.spec, subject)) interest.add(c.spec.name);
    if (this.spec.retention === 'interest' && interest.size === 0) {
      this.bytes -= data.length;
      this.journal?.markDeleted(seq);
      this.finish(seq);
      return { stream: this.spec.name, seq, duplicate: false };
    }
    this.messages.set(seq, {
      seq,
      subject,
      data,
      headers,
      msgId: opts.msgId,
      publishedAtMs,
      size: data.length,
      interest,
      priorDeliveries: 0,
    });
    if (this.finish(seq)) for (const c of this.consumers.values()) c.notify();
    return { stream: this.spec.name, seq, duplicate: false };
  }

  /** Adds an ephemeral consumer; with deliverPolicy 'all' it takes interest in what is retained. */
  addConsumer(spec: ConsumerSpec): LocalConsumer {
    const consumer = new LocalConsumer(spec, this, this.now);
    this.consumers.set(spec.name, consumer);
    if (spec.deliverPolicy === 'new') consumer.startAt(this.visibleSeq + 1);
    else
      for (const msg of this.messages.values()) if (this.consumerWants(spec, msg.subject)) msg.interest.add(spec.name);
    return consumer;
  }

  removeConsumer(name: string): void {
    this.consumers.delete(name);
    for (const msg of [...this.messages.values()]) {
      if (msg.interest.delete(name)) this.releaseIfDone(msg);
    }
    this.advanceHead();
  }

  *messagesFrom(seq: number): Iterable<StoredMessage> {
    for (let s = Math.max(seq, this.headSeq); s <= this.visibleSeq; s++) {
      const m = this.messages.get(s);
      if (m) yield m;
    }
  }

  get(seq: number): StoredMessage | undefined {
    return this.messages.get(seq);
  }

  acknowledge(consumer: LocalConsumer, msg: StoredMessage): void {
    if (!msg.interest.delete(consumer.spec.name)) return;
    if (consumer.spec.durable) this.journal?.appendLazy({ type: 'ack', consumer: consumer.spec.name, seq: msg.seq });
    this.releaseIfDone(msg);
    this.advanceHead();
  }

  state(): StreamState {
    this.expire();
    const consumers: StreamState['consumers'] = {};
    for (const [name, c] of this.consumers) consumers[name] = c.state(this.visibleSeq);
    return {
      messages: this.messages.size,
      bytes: this.bytes,
      firstSeq: this.messages.size > 0 ? this.headSeq : this.lastSeq + 1,
      lastSeq: this.lastSeq,
      consumers,
    };
  }

  async close(): Promise<void> {
    for (const c of this.consumers.values()) c.detach();
    await this.journal?.close();
  }

  private consumerWants(spec: ConsumerSpec, subject: string): boolean {
    return spec.filterSubject === undefined || subjectMatches(spec.filterSubject, subject);
  }

  private releaseIfDone(msg: StoredMessage): void {
    if (this.spec.retention !== 'interest' || msg.interest.size > 0) return;
    this.delete(msg);
  }

  private delete(msg: StoredMessage): void {
    if (!this.messages.delete(msg.seq)) return;
    this.bytes -= msg.size;
    this.journal?.markDeleted(msg.seq);
    for (const c of this.consumers.values()) c.forget(msg.seq);
  }

  private advanceHead(): void {
    while (this.headSeq <= this.visibleSeq && !this.messages.has(this.headSeq)) this.headSeq++;
  }

  /** max_age: the explicit loss horizon, and expiry of dedup entries. */
  private expire(): void {
    const t = this.now();
    const cutoff = t - this.spec.maxAgeMs;
    for (const msg of this.messagesFrom(this.headSeq)) {
      if (msg.publishedAtMs >= cutoff) break;
      this.delete(msg);
    }
    this.advanceHead();
    const dedupCutoff = t - this.spec.duplicateWindowMs;
    for (const [id, e] of this.dedup) {
      if (e.atMs >= dedupCutoff) break;
      this.dedup.delete(id);
    }
  }
}
