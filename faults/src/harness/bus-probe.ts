import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@kh02/schemas';
import { WRITER_TELEMETRY_CONSUMER } from '@kh02/platform';

export interface TelemetryBusState {
  messages: number;
  bytes: number;
  firstSeq: number;
  lastSeq: number;
  maxBytes: number;
  discard: string;
  duplicateWindowMs: number;
  writer: {
    pending: number;
    ackPending: number;
    redelivered: number;
    /** Every message up to this stream sequence is acknowledged. */
    ackFloorSeq: number;
    ackWaitMs: number;
  };
}

/**
 * Reads the telemetry stream and the writer's durable consumer straight from
 * JetStream (read-only: unlike a `NatsBus`, it never re-applies stream
 * settings). Reconnects forever, so it survives the server being killed.
 */
export class BusProbe {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
  ) {}

  static async connect(url: string): Promise<BusProbe> {
    const nc = await connect({ servers: url, name: 'faults-probe', maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    return new BusProbe(nc, await jetstreamManager(nc, { timeout: 2_000 }));
  }

  async telemetry(): Promise<TelemetryBusState> {
    const info = await this.jsm.streams.info(STREAMS.telemetry);
    const writer = await this.jsm.consumers.info(STREAMS.telemetry, WRITER_TELEMETRY_CONSUMER);
    return {
      messages: info.state.messages,
      bytes: info.state.bytes,
      firstSeq: info.state.first_seq,
      lastSeq: info.state.last_seq,
      maxBytes: info.config.max_bytes,
      discard: String(info.config.discard),
      duplicateWindowMs: Math.round((info.config.duplicate_window ?? 0) / 1e6),
      writer: {
        pending: writer.num_pending,
        ackPending: writer.num_ack_pending,
        redelivered: writer.num_redelivered,
        ackFloorSeq: writer.ack_floor.stream_seq,
        ackWaitMs: Math.round((writer.config.ack_wait ?? 0) / 1e6),
      },
    };
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
