import { bootstrapInfra, ShutdownSequence } from '@kh02/platform';
import { loadIngestEnv } from '../env/ingest-env.js';
import { createWriters } from '../ingest-service.js';

/** Distributed mode: the bus → ClickHouse writer process. */
const env = loadIngestEnv();
const { logger, registry, bus, clickhouse } = await bootstrapInfra(env, { name: 'kh02-writer', clickhouse: true });
if (!clickhouse) throw new Error('writer: ClickHouse was not opened');
const writers = createWriters(env, { bus, clickhouse, registry, logger });
for (const w of writers) await w.start();
logger.info('writer consuming');

new ShutdownSequence(logger)
  .add('flush and detach writers', async () => {
    for (const w of writers) await w.stop();
  })
  .add('close bus', () => bus.close())
  .add('close ClickHouse', () => clickhouse.close())
  .installSignalHandlers();
