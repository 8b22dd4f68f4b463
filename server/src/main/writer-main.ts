import Fastify from 'fastify';
import { bootstrapInfra, exposition, ShutdownSequence } from '@kh02/platform';
import { loadIngestEnv } from '../env/ingest-env.js';
import { createWriters } from '../ingest-service.js';

/** Distributed mode: the bus → ClickHouse writer process, with /metrics and /ready on WRITER_METRICS_PORT. */
const env = loadIngestEnv();
const { logger, registry, bus, clickhouse, metrics } = await bootstrapInfra(env, {
  name: 'kh02-writer',
  clickhouse: true,
});
if (!clickhouse) throw new Error('writer: ClickHouse was not opened');
const writers = createWriters(env, { bus, clickhouse, registry, logger, metrics });
for (const w of writers) await w.start();
logger.info('writer consuming');

const ops = Fastify({ logger: false });
ops.get('/metrics', async (_req, reply) => {
  const { contentType, body } = await exposition(metrics);
  return reply.type(contentType).send(body);
});
ops.get('/ready', (_req, reply) => {
  const ready = writers.every((w) => w.isHealthy());
  return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
});
await ops.listen({ host: env.WRITER_METRICS_HOST, port: env.WRITER_METRICS_PORT });

new ShutdownSequence(logger)
  .add('stop metrics listener', () => ops.close())
  .add('flush and detach writers', async () => {
    for (const w of writers) await w.stop();
  })
  .add('close bus', () => bus.close())
  .add('close ClickHouse', () => clickhouse.close())
  .installSignalHandlers();
