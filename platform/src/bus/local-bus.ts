import { join } from 'node:path';
import { LocalStream } from './local-stream.js';
import { streamCovers } from './subject-match.js';
import {
  BusUnavailableError,
  type Bus,
  type BusMessage,
  type ConsumerSpec,
  type PublishAck,
  type PublishOptions,
  type StreamSpec,
  type StreamState,
  type Subscription,
} from './types.js';

export interface LocalBusOptions {
  streams: StreamSpec[];
  durableConsumers: ConsumerSpec[];
  /** Directory for the write-ahead journal; omit for a purely in-memory bus (tests). */
  journalDir?: string;
  /** fdatasync each publish group before acknowledging (default true). */
  fsync?: boolean;
  segmentBytes?: number;
  now?: () => number;
}

/**
 * The embedded bus: same semantics as the JetStream adapter, in this process.
 * With a journal directory, a publish is acknowledged only after it is
 * fsynced, so `kill -9` loses nothing that was acknowledged.
 */
export class LocalBus implements Bus {
  readonly kind = 'local' as const;
  private readonly streams = new Map<string, LocalStream>();
  private started = false;
  private closed = false;
  private ephemeralCounter = 0;

  constructor(private readonly opts: LocalBusOptions) {}

  async start(): Promise<void> {
    if (this.started) return;
    const now = this.opts.now ?? Date.now;
    for (const spec of this.opts.streams) {
      const stream = new LocalStream(spec, now);
      const durables = this.opts.durableConsumers.filter((c) => c.stream === spec.name);
      const dir = this.opts.journalDir ? join(this.opts.journalDir, spec.name) : undefined;
      await stream.open(durables, dir, {
        fsync: this.opts.fsync ?? true,
        segmentBytes: this.opts.segmentBytes ?? 64 * 1024 * 1024,
      });
      this.streams.set(spec.name, stream);
    }
    this.started = true;
  }

  isConnected(): boolean {
    return this.started && !this.closed;
  }

  async publish(subject: string, data: Uint8Array, opts: PublishOptions): Promise<PublishAck> {
    if (!this.isConnected()) throw new BusUnavailableError('local bus is not running');
    for (const stream of this.streams.values()) {
      if (streamCovers(stream.spec.subjects, subject)) return stream.publish(subject, data, opts);
    }
    throw new BusUnavailableError(`no stream captures subject ${subject}`);
  }

  consume(spec: ConsumerSpec, onMessage: (msg: BusMessage) => void): Promise<Subscription> {
    const stream = this.stream(spec.stream);
    let consumer = stream.consumers.get(spec.name);
    if (consumer && !spec.durable) throw new Error(`consumer name ${spec.name} already in use`);
    if (!consumer) {
      if (spec.durable) throw new Error(`durable consumer ${spec.name} must be declared in the topology`);
      consumer = stream.addConsumer({ ...spec, name: `${spec.name}-${++this.ephemeralCounter}` });
    }
    const attached = consumer;
    attached.attach(onMessage);
    return Promise.resolve({
      name: attached.spec.name,
      stop: () => {
        attached.detach();
        if (!attached.spec.durable) stream.removeConsumer(attached.spec.name);
        return Promise.resolve();
      },
    });
  }

  streamState(name: string): Promise<StreamState> {
    return Promise.resolve(this.stream(name).state());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.streams.values()) await stream.close();
  }

  private stream(name: string): LocalStream {
    const stream = this.streams.get(name);
    if (!stream) throw new Error(`unknown stream ${name}`);
    return stream;
  }
}
