import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEmbeddedSystem } from '@kh02/server';
import { createLogger, WRITER_TELEMETRY_CONSUMER } from '@kh02/platform';
import { STREAMS } from '@kh02/schemas';

/**
 * The system under test, as `npm start` runs it (the same startEmbeddedSystem
 * that server/src/main/embedded-main.ts calls; NATS JetStream instead of the embedded
 * journal when NATS_URL is set), plus an IPC channel so the benchmark can ask
 * for the writer's backlog — the one thing it cannot see from outside.
 */
export interface BusReport {
  type: 'bus';
  lastSeq: number;
  /** Telemetry messages the writer has not received / not acknowledged yet. */
  writerPending: number;
  writerAckPending: number;
  /** Event-loop delay since the previous report (ms). */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Where the RSS goes: V8 heap vs everything native (chDB's engine, buffers). */
  heapUsedMb: number;
  externalMb: number;
  rssMb: number;
}

const send = (message: object) => process.send?.(message);
const logger = createLogger('kh02-bench-system', process.env.LOG_LEVEL ?? 'warn', false);
// The probe measures a tile's flip to red; a fresh catalogue's overdue Plan 02 tasks would hold every unit red already.
const system = await startEmbeddedSystem({
  apiPort: 0,
  ingestPort: 0,
  simulator: false,
  logger,
  env: { ...process.env, TASK_PROGRESS_COLOURS: process.env.TASK_PROGRESS_COLOURS ?? 'false' },
});
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

process.on('message', (raw: unknown) => {
  const message = raw as { type?: string };
  if (message.type === 'bus') {
    system.bus.streamState(STREAMS.telemetry).then(
      (state) => {
        const writer = state.consumers[WRITER_TELEMETRY_CONSUMER];
        const mem = process.memoryUsage();
        const report: BusReport = {
          type: 'bus',
          lastSeq: state.lastSeq,
          writerPending: writer?.pending ?? 0,
          writerAckPending: writer?.ackPending ?? 0,
          eventLoopP99Ms: loop.percentile(99) / 1e6,
          eventLoopMaxMs: loop.max / 1e6,
          heapUsedMb: mem.heapUsed / 2 ** 20,
          externalMb: mem.external / 2 ** 20,
          rssMb: mem.rss / 2 ** 20,
        };
        loop.reset();
        send(report);
      },
      (err: unknown) => {
        // JetStream's API can time out under load; the benchmark asks again.
        send({ type: 'bus-error', error: err instanceof Error ? err.message : String(err) });
      },
    );
  } else if (message.type === 'stop') {
    void system.stop().then(() => {
      send({ type: 'stopped' });
      process.exit(0);
    });
  }
});
process.on('SIGTERM', () => void system.stop().then(() => process.exit(0)));
// The benchmark went away without stopping us (killed): do not linger as an orphan.
process.on('disconnect', () => void system.stop().then(() => process.exit(0)));
send({ type: 'ready', apiUrl: system.apiUrl, ingestUrl: system.ingestUrl, bus: system.bus.kind });
