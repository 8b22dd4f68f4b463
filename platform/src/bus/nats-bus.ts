import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type StreamConfig,
} from '@nats-io/jetstream';
import { connect, headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  BusFullError,
  DIGEST_HEADER,
  BusUnavailableError,
  WrongLastSequenceError,
  type Bus,
  type BusMessage,
  type ConsumerSpec,
  type PublishAck,
  type PublishOptions,
  type StreamSpec,
  type StreamState,
  type Subscription,
} from './types.js';

export interface NatsBusOptions {
  servers: string;
  streams: StreamSpec[];
  durableConsumers: ConsumerSpec[];
  replicas: number;
  publishTimeoutMs: number;
  logger: Logger;
  /** Client name shown by the server's monitoring. */
  name: string;
}

const WRONG_LAST_SEQUENCE = 10071;

function streamConfig(spec: StreamSpec, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    retention: spec.retention === 'interest' ? RetentionPolicy.Interest : RetentionPolicy.Limits,
    storage: StorageType.File,
    // discard-new: a full stream refuses publishes (503 upstream) instead of deleting old data.
    discard: DiscardPolicy.New,
    max_bytes: spec.maxBytes,
    max_msg_size: spec.maxMsgBytes,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: replicas,
  };
}

function consumerConfig(spec: ConsumerSpec): Partial<ConsumerConfig> {
  return {
    ...(spec.durable ? { durable_name: spec.name } : { inactive_threshold: nanos(30_000) }),
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    max_deliver: -1,
    deliver_policy: spec.deliverPolicy === 'all' ? DeliverPolicy.All : DeliverPolicy.New,
    ...(spec.filterSubject ? { filter_subject: spec.filterSubject } : {}),
  };
}

function toBusMessage(m: JsMsg): BusMessage {
  const hdrs: Record<string, string> = {};
  if (m.headers) for (const k of m.headers.keys()) hdrs[k] = m.headers.get(k);
  return {
    subject: m.subject,
    seq: m.seq,
    data: m.data,
    headers: hdrs,
    msgId: m.headers?.get('Nats-Msg-Id') || undefined,
    deliveryCount: m.info.deliveryCount,
    publishedAtMs: Math.floor(m.info.timestampNanos / 1e6),
    ack: () => m.ack(),
    nak: (delayMs?: number) => m.nak(delayMs),
    working: () => m.working(),
  };
}

/** JetStream adapter: streams with file storage, discard-new, explicit dedup window. */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private connected = false;

  constructor(private readonly opts: NatsBusOptions) {}

  async start(): Promise<void> {
    const nc = await connect({
      servers: this.opts.servers,
      name: this.opts.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    this.nc = nc;
    this.js = jetstream(nc, { timeout: this.opts.publishTimeoutMs });
    this.jsm = await jetstreamManager(nc);
    await this.ensureTopology();
    this.connected = true;
    void this.watchStatus(nc);
  }

  isConnected(): boolean {
    return this.connected;
  }

  async publish(subject: string, data: Uint8Array, opts: PublishOptions): Promise<PublishAck> {
    const js = this.js;
    // Never queue a publish inside the client while disconnected: the caller must see 503 now.
    if (!js || !this.connected) throw new BusUnavailableError('NATS is disconnected');
    const h = natsHeaders();
    for (const [k, v] of Object.entries(opts.headers ?? {})) h.set(k, v);
    if (opts.digest !== undefined) h.set(DIGEST_HEADER, opts.digest);
    try {
      const ack = await js.publish(subject, data, {
        msgID: opts.msgId,
        headers: h,
        timeout: this.opts.publishTimeoutMs,
        ...(opts.expectedLastSubjectSeq !== undefined
          ? { expect: { lastSubjectSequence: opts.expectedLastSubjectSeq } }
          : {}),
      });
      if (!ack.duplicate) return { stream: ack.stream, seq: ack.seq, duplicate: false };
      const originalDigest = await this.digestOf(ack.stream, ack.seq);
      return { stream: ack.stream, seq: ack.seq, duplicate: true, ...(originalDigest ? { originalDigest } : {}) };
    } catch (err) {
      throw this.translate(err, subject, opts);
    }
  }

  /** The digest header of a stored message; undefined once retention removed it. */
  private async digestOf(stream: string, seq: number): Promise<string | undefined> {
    try {
      const msg = await this.jsm?.streams.getMessage(stream, { seq });
      return msg?.header.get(DIGEST_HEADER) || undefined;
    } catch {
      return undefined;
    }
  }

  async consume(spec: ConsumerSpec, onMessage: (msg: BusMessage) => void): Promise<Subscription> {
    const { js, jsm } = this.require();
    let name = spec.name;
    if (!spec.durable) {
      const info = await jsm.consumers.add(spec.stream, consumerConfig(spec));
      name = info.name;
    }
    const consumer = await js.consumers.get(spec.stream, name);
    const messages: ConsumerMessages = await consumer.consume({
      max_messages: Math.min(1000, spec.maxAckPending),
    });
    const loop = (async () => {
      for await (const m of messages) onMessage(toBusMessage(m));
    })();
    loop.catch((err: unknown) => this.opts.logger.error({ err, consumer: name }, 'consumer loop failed'));
    return {
      name,
      stop: async () => {
        await messages.close();
        await loop.catch(() => undefined);
        if (!spec.durable) await jsm.consumers.delete(spec.stream, name).catch(() => undefined);
      },
    };
  }

  async streamState(stream: string): Promise<StreamState> {
    const { jsm } = this.require();
    const info = await jsm.streams.info(stream);
    const consumers: StreamState['consumers'] = {};
    for await (const c of jsm.consumers.list(stream)) {
      consumers[c.name] = { pending: c.num_pending, ackPending: c.num_ack_pending, ackMark: c.ack_floor.stream_seq };
    }
    return {
      messages: info.state.messages,
      bytes: info.state.bytes,
      firstSeq: info.state.first_seq,
      lastSeq: info.state.last_seq,
      consumers,
    };
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.nc?.drain().catch(() => this.nc?.close());
  }

  private require(): { js: JetStreamClient; jsm: JetStreamManager } {
    if (!this.js || !this.jsm) throw new BusUnavailableError('NATS bus not started');
    return { js: this.js, jsm: this.jsm };
  }

  private async ensureTopology(): Promise<void> {
    const { jsm } = this.require();
    for (const spec of this.opts.streams) {
      const cfg = streamConfig(spec, this.opts.replicas);
      try {
        await jsm.streams.info(spec.name);
        await jsm.streams.update(spec.name, cfg);
      } catch (err) {
        if (err instanceof JetStreamApiError && err.code === 10059) await jsm.streams.add(cfg);
        else throw err;
      }
    }
    // Durable consumers exist before the first publish so interest retention keeps every message.
    for (const c of this.opts.durableConsumers) {
      await jsm.consumers.add(c.stream, consumerConfig(c));
    }
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this.connected = false;
        this.opts.logger.warn({ server: s.server }, 'NATS disconnected');
      } else if (s.type === 'reconnect') {
        this.opts.logger.info({ server: s.server }, 'NATS reconnected');
        // A server restarted with empty storage needs its streams again before we accept data.
        await this.ensureTopology().catch((err: unknown) =>
          this.opts.logger.error({ err }, 'ensuring JetStream topology after reconnect failed'),
        );
        this.connected = true;
      }
    }
  }

  private translate(err: unknown, subject: string, opts: PublishOptions): Error {
    if (err instanceof JetStreamApiError) {
      if (err.code === WRONG_LAST_SEQUENCE) {
        const actual = Number(/last sequence mismatch: (\d+)/i.exec(err.message)?.[1] ?? -1);
        return new WrongLastSequenceError(subject, opts.expectedLastSubjectSeq ?? 0, actual);
      }
      if (/maximum (bytes|messages)|resource limits|insufficient resources/i.test(err.message)) {
        return new BusFullError(err.message);
      }
    }
    const message = err instanceof Error ? err.message : String(err);
    if (/maximum (bytes|messages)|resource limits|insufficient resources/i.test(message)) {
      return new BusFullError(message);
    }
    return new BusUnavailableError(message);
  }
}
