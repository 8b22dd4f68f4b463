import { STREAMS, TelemetryBatchEnvelopeSchema, type TelemetryBatchMessage } from '@kh02/schemas';
import type { Bus, BusMessage, Subscription } from '@kh02/platform';
import type { Logger } from 'pino';
import type { StatusEngine } from './engine.js';

export interface FeedLag {
  pending: number;
  /** How far behind the newest applied message is, when messages are waiting (ms). */
  lagMs: number;
}

/**
 * The live path: the status engine consumes the bus directly (never polls
 * ClickHouse). It subscribes before the ClickHouse rebuild and holds what
 * arrives until the rebuild is applied, so nothing falls between the two.
 */
export class TelemetryFeed {
  private subscription: Subscription | undefined;
  private held: BusMessage[] | null = [];
  lastAppliedPublishedAtMs: number | undefined;
  applied = 0;

  constructor(
    private readonly bus: Bus,
    private readonly engine: StatusEngine,
    private readonly logger: Logger,
    private readonly now: () => number,
    /** Told of every applied message (e.g. to open a ticket for a serious vendor incident). */
    private readonly onApplied?: (message: TelemetryBatchMessage) => void,
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.consume(
      {
        stream: STREAMS.telemetry,
        name: 'status-engine',
        durable: false,
        ackWaitMs: 30_000,
        maxAckPending: 10_000,
        deliverPolicy: 'all',
      },
      (m) => {
        if (this.held) this.held.push(m);
        else this.apply(m);
      },
    );
  }

  /** Call once the rebuild from ClickHouse is in the engine: applies what arrived meanwhile. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const m of held) this.apply(m);
  }

  async lag(): Promise<FeedLag> {
    if (!this.subscription) return { pending: 0, lagMs: 0 };
    const state = await this.bus.streamState(STREAMS.telemetry);
    const c = state.consumers[this.subscription.name];
    const pending = (c?.pending ?? 0) + (this.held?.length ?? 0);
    const lagMs =
      pending > 0 && this.lastAppliedPublishedAtMs !== undefined
        ? Math.max(0, this.now() - this.lastAppliedPublishedAtMs)
        : 0;
    return { pending, lagMs };
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private apply(m: BusMessage): void {
    try {
      const message = TelemetryBatchEnvelopeSchema.parse(
        JSON.parse(new TextDecoder().decode(m.data)),
      ) as TelemetryBatchMessage;
      this.engine.apply(message);
      this.applied++;
      this.onApplied?.(message);
    } catch (err) {
      // The writer dead-letters it; the wall just cannot use it.
      this.logger.warn({ err, seq: m.seq }, 'status feed skipped an unreadable message');
    }
    this.lastAppliedPublishedAtMs = m.publishedAtMs;
    m.ack();
  }
}
