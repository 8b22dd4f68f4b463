import { STREAMS, WorkflowEventSchema, type WorkflowEvent } from '@kh02/schemas';
import { WrongLastSequenceError, type Bus, type Logger, type Subscription } from '@kh02/platform';

export type EventLogHandler = (event: WorkflowEvent, seq: number) => void;

export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}

/**
 * The workflow event log on the bus: tickets, accounts and configuration
 * changes. Every replica replays it at start (it is the source of truth),
 * appends with optimistic concurrency per entity, and applies what others
 * append as it arrives. The writer copies it to ClickHouse as the audit log.
 */
export class EventLog {
  private readonly handlers = new Map<WorkflowEvent['entity'], EventLogHandler[]>();
  private subscription: Subscription | undefined;
  private appliedSeq = 0;

  constructor(
    private readonly bus: Bus,
    private readonly logger: Logger,
  ) {}

  /** Handlers of one entity run in registration order (the tickets' projection before the notification rules that read it). */
  on(entity: WorkflowEvent['entity'], handler: EventLogHandler): void {
    this.handlers.set(entity, [...(this.handlers.get(entity) ?? []), handler]);
  }

  /** Subscribes and resolves once everything already in the log has been applied. */
  async start(timeoutMs = 60_000): Promise<void> {
    const target = (await this.bus.streamState(STREAMS.workflow)).lastSeq;
    this.subscription = await this.bus.consume(
      {
        stream: STREAMS.workflow,
        name: 'workflow-replica',
        durable: false,
        ackWaitMs: 30_000,
        maxAckPending: 5_000,
        deliverPolicy: 'all',
      },
      (m) => {
        try {
          this.dispatch(WorkflowEventSchema.parse(JSON.parse(new TextDecoder().decode(m.data))), m.seq);
        } catch (err) {
          this.logger.error({ err, seq: m.seq }, 'unreadable workflow event skipped');
        }
        this.appliedSeq = Math.max(this.appliedSeq, m.seq);
        m.ack();
      },
    );
    const deadline = Date.now() + timeoutMs;
    while (this.appliedSeq < target) {
      if (Date.now() > deadline) throw new Error(`workflow replay stalled at ${this.appliedSeq}/${target}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * Appends an event unless someone else changed the entity first
   * (`expectedVersion` = the entity's last sequence, 0 for a new one).
   * Returns the sequence, which is the entity's new version.
   */
  async append(
    subject: string,
    event: WorkflowEvent,
    opts: { msgId: string; expectedVersion: number; digest?: string },
  ): Promise<{ seq: number; duplicate: boolean; originalDigest?: string }> {
    let ack;
    try {
      ack = await this.bus.publish(subject, Buffer.from(JSON.stringify(event)), {
        msgId: opts.msgId,
        expectedLastSubjectSeq: opts.expectedVersion,
        ...(opts.digest !== undefined ? { digest: opts.digest } : {}),
      });
    } catch (err) {
      if (err instanceof WrongLastSequenceError) throw new VersionConflictError(err.message);
      throw err;
    }
    // Apply locally now so the caller sees its own change; the replica feed skips it later by sequence.
    if (!ack.duplicate) this.dispatch(event, ack.seq);
    return {
      seq: ack.seq,
      duplicate: ack.duplicate,
      ...(ack.originalDigest !== undefined ? { originalDigest: ack.originalDigest } : {}),
    };
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private dispatch(event: WorkflowEvent, seq: number): void {
    for (const handler of this.handlers.get(event.entity) ?? []) handler(event, seq);
  }
}
