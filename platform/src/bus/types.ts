/**
 * The Bus: one interface, two implementations (an in-process journal for the
 * embedded default, NATS JetStream for distributed mode). Semantics follow
 * JetStream so code written against one behaves the same on the other:
 * msg-id deduplication within a window, durable consumers with explicit
 * ack, nak with delay, redelivery after the ack wait, interest retention.
 */

export type StreamRetention = 'interest' | 'limits';

export interface StreamSpec {
  name: string;
  subjects: string[];
  retention: StreamRetention;
  /** Publishes beyond this fail (discard-new) instead of deleting old data. */
  maxBytes: number;
  maxMsgBytes: number;
  /** Messages older than this are removed; the documented loss horizon. */
  maxAgeMs: number;
  duplicateWindowMs: number;
}

export interface ConsumerSpec {
  stream: string;
  name: string;
  /** Durable consumers survive restarts and hold interest while absent. */
  durable: boolean;
  filterSubject?: string;
  ackWaitMs: number;
  maxAckPending: number;
  deliverPolicy: 'all' | 'new';
}

/** Header carrying `PublishOptions.digest`, so a later duplicate can be compared with what was stored. */
export const DIGEST_HEADER = 'KH02-Digest';

export interface PublishOptions {
  /** Deduplication id (the request's idempotency key). */
  msgId: string;
  /**
   * What the msg-id stands for (e.g. the request body's hash). A duplicate
   * publish answers with the first publish's digest, so a reused id with a
   * different content can be refused instead of silently dropped.
   */
  digest?: string;
  headers?: Record<string, string>;
  /** Optimistic concurrency: fail unless the subject's last sequence is this (0 = none yet). */
  expectedLastSubjectSeq?: number;
}

export interface PublishAck {
  stream: string;
  seq: number;
  duplicate: boolean;
  /** On a duplicate: the digest the first publish carried, when the bus still knows it. */
  originalDigest?: string;
}

export interface BusMessage {
  subject: string;
  /** Stream sequence, unique per stream. */
  seq: number;
  data: Uint8Array;
  headers: Record<string, string>;
  msgId: string | undefined;
  /** 1 on first delivery. */
  deliveryCount: number;
  publishedAtMs: number;
  ack(): void;
  /** Ask for redelivery after `delayMs` (default immediately). */
  nak(delayMs?: number): void;
  /** Still working on it: restart the ack-wait timer. */
  working(): void;
}

export interface Subscription {
  /** The consumer's name on the bus (generated for ephemeral consumers), for lag lookups. */
  readonly name: string;
  /** Stop delivering; unacked messages are redelivered to the next subscriber. */
  stop(): Promise<void>;
}

export interface ConsumerState {
  /** Messages not yet delivered. */
  pending: number;
  /** Delivered but not yet acknowledged. */
  ackPending: number;
  /**
   * Moves whenever the consumer acknowledges (NATS: the ack floor's stream
   * sequence; embedded: acknowledgements so far). Compare two readings of one
   * consumer to tell progress from a stall; the value itself means nothing.
   */
  ackMark: number;
}

export interface StreamState {
  messages: number;
  bytes: number;
  firstSeq: number;
  lastSeq: number;
  consumers: Record<string, ConsumerState>;
}

export interface Bus {
  readonly kind: 'local' | 'nats';
  /** Connect and create streams and durable consumers (idempotent). */
  start(): Promise<void>;
  publish(subject: string, data: Uint8Array, opts: PublishOptions): Promise<PublishAck>;
  consume(spec: ConsumerSpec, onMessage: (msg: BusMessage) => void): Promise<Subscription>;
  /** Message counts and consumer lag, for readiness, metrics and tests. */
  streamState(stream: string): Promise<StreamState>;
  /** True when publishing can currently succeed. */
  isConnected(): boolean;
  close(): Promise<void>;
}

export class BusUnavailableError extends Error {
  override readonly name = 'BusUnavailableError';
}

export class BusFullError extends Error {
  override readonly name = 'BusFullError';
}

export class WrongLastSequenceError extends Error {
  override readonly name = 'WrongLastSequenceError';
  constructor(
    readonly subject: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`wrong last sequence for ${subject}: expected ${expected}, actual ${actual}`);
  }
}
