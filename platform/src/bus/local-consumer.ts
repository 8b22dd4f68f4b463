import type { BusMessage, ConsumerSpec, ConsumerState } from './types.js';

export interface StoredMessage {
  seq: number;
  subject: string;
  data: Uint8Array;
  headers: Record<string, string>;
  msgId: string | undefined;
  publishedAtMs: number;
  size: number;
  /** Consumers that still have to acknowledge it (interest retention). */
  interest: Set<string>;
  /** Deliveries before this process started (journal replay): at least 1 if unacked. */
  priorDeliveries: number;
}

/** What a consumer needs from its stream. */
export interface ConsumerHost {
  messagesFrom(seq: number): Iterable<StoredMessage>;
  get(seq: number): StoredMessage | undefined;
  acknowledge(consumer: LocalConsumer, msg: StoredMessage): void;
}

interface InFlight {
  deliveries: number;
  deadline: number;
}

/**
 * A JetStream-like pull consumer: delivers up to maxAckPending messages,
 * redelivers unacknowledged ones after ackWait, and honours nak delays.
 */
export class LocalConsumer {
  private nextSeq = 1;
  private readonly inflight = new Map<number, InFlight>();
  /** seq → earliest redelivery time. */
  private readonly redeliver = new Map<number, number>();
  private readonly deliveryCounts = new Map<number, number>();
  private handler: ((msg: BusMessage) => void) | undefined;
  private scheduled = false;
  private acks = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly spec: ConsumerSpec,
    private readonly host: ConsumerHost,
    private readonly now: () => number,
  ) {}

  get active(): boolean {
    return this.handler !== undefined;
  }

  startAt(seq: number): void {
    this.nextSeq = seq;
  }

  attach(handler: (msg: BusMessage) => void): void {
    if (this.handler) throw new Error(`consumer ${this.spec.name} already has a subscriber`);
    this.handler = handler;
    const sweepMs = Math.max(5, Math.min(250, Math.floor(this.spec.ackWaitMs / 4)));
    this.timer = setInterval(() => this.sweep(), sweepMs);
    this.timer.unref();
    this.schedule();
  }

  /** Detach: everything in flight becomes eligible for redelivery to the next subscriber. */
  detach(): void {
    this.handler = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const seq of this.inflight.keys()) this.redeliver.set(seq, 0);
    this.inflight.clear();
  }

  /** New message appended to the stream. */
  notify(): void {
    this.schedule();
  }

  forget(seq: number): void {
    this.inflight.delete(seq);
    this.redeliver.delete(seq);
    this.deliveryCounts.delete(seq);
  }

  state(lastSeq: number): ConsumerState {
    let pending = this.redeliver.size;
    for (const msg of this.host.messagesFrom(this.nextSeq)) {
      if (msg.seq <= lastSeq && this.wants(msg)) pending++;
    }
    return { pending, ackPending: this.inflight.size, ackMark: this.acks };
  }

  wants(msg: StoredMessage): boolean {
    return msg.interest.has(this.spec.name);
  }

  private schedule(): void {
    if (this.scheduled || !this.handler) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private sweep(): void {
    const t = this.now();
    for (const [seq, f] of this.inflight) {
      if (f.deadline <= t) {
        this.inflight.delete(seq);
        this.redeliver.set(seq, 0);
      }
    }
    if (this.redeliver.size > 0) this.schedule();
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    const t = this.now();
    let budget = this.spec.maxAckPending - this.inflight.size;
    for (const [seq, notBefore] of this.redeliver) {
      if (budget <= 0) return;
      if (notBefore > t) continue;
      this.redeliver.delete(seq);
      const msg = this.host.get(seq);
      if (!msg || !this.wants(msg)) continue;
      this.deliver(msg, handler);
      budget--;
    }
    for (const msg of this.host.messagesFrom(this.nextSeq)) {
      if (budget <= 0) return;
      this.nextSeq = msg.seq + 1;
      if (!this.wants(msg)) continue;
      this.deliver(msg, handler);
      budget--;
    }
  }

  private deliver(msg: StoredMessage, handler: (m: BusMessage) => void): void {
    const count = (this.deliveryCounts.get(msg.seq) ?? msg.priorDeliveries) + 1;
    this.deliveryCounts.set(msg.seq, count);
    this.inflight.set(msg.seq, { deliveries: count, deadline: this.now() + this.spec.ackWaitMs });
    let settled = false;
    const settle = (): boolean => {
      if (settled || !this.inflight.has(msg.seq)) return false;
      settled = true;
      this.inflight.delete(msg.seq);
      return true;
    };
    handler({
      subject: msg.subject,
      seq: msg.seq,
      data: msg.data,
      headers: msg.headers,
      msgId: msg.msgId,
      deliveryCount: count,
      publishedAtMs: msg.publishedAtMs,
      ack: () => {
        if (!settle()) return;
        this.deliveryCounts.delete(msg.seq);
        this.acks++;
        this.host.acknowledge(this, msg);
        this.schedule();
      },
      nak: (delayMs = 0) => {
        if (!settle()) return;
        this.redeliver.set(msg.seq, this.now() + delayMs);
        this.schedule();
      },
      working: () => {
        const f = this.inflight.get(msg.seq);
        if (f && !settled) f.deadline = this.now() + this.spec.ackWaitMs;
      },
    });
  }
}
