import { bootstrapInfra, ConsumerProgressMonitor, ShutdownSequence, WRITER_TELEMETRY_CONSUMER } from '@kh02/platform';
import { STREAMS } from '@kh02/schemas';
import { loadOrCreateKeys } from '@kh02/ingest';
import { loadIngestEnv } from '../env/ingest-env.js';
import { createIngestApp } from '../ingest-service.js';

/** Distributed mode: the HTTP ingest process (publishes to NATS; the writer runs elsewhere). */
const env = loadIngestEnv();
const { logger, registry, bus, metrics } = await bootstrapInfra(env, { name: 'kh02-ingest', clickhouse: false });
if (!env.NATS_URL)
  logger.warn(
    'NATS_URL is not set: the embedded bus only lives in this process; use `npm start` for the all-in-one mode',
  );
const keys = await loadOrCreateKeys(env.API_KEYS_FILE, { createDemo: false, registry });
// The writer runs elsewhere; watched through the bus, a stalled writer still makes this /ready fail.
const writerProgress = new ConsumerProgressMonitor(bus, STREAMS.telemetry, WRITER_TELEMETRY_CONSUMER);
const app = createIngestApp(env, {
  bus,
  keys: keys.store,
  registry,
  logger,
  metrics,
  readinessChecks: [
    async () =>
      (await writerProgress.sample().catch(() => ({ stalledForMs: 0 }))).stalledForMs <= env.WRITER_STALL_AFTER_MS,
  ],
});
await app.listen({ host: env.INGEST_HOST, port: env.INGEST_PORT, backlog: env.INGEST_LISTEN_BACKLOG });

new ShutdownSequence(logger)
  .add('readiness off', () => app.markShuttingDown())
  .add('stop HTTP', () => app.close())
  .add('close bus', () => bus.close())
  .installSignalHandlers();
