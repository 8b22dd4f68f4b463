import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { createLogger, loadRegistry, migrate, openClickHouse, ShutdownSequence } from '@kh02/platform';
import { loadIngestEnv } from './env.js';
import { createBusFromEnv, createWriters } from './wiring.js';

/** Distributed mode: the bus → ClickHouse writer process. */
const env = loadIngestEnv();
const logger = createLogger('kh02-writer', env.LOG_LEVEL, env.LOG_PRETTY);
const registry = await loadRegistry(env.REGISTRY_OVERRIDE_FILE);
const { client } = await openClickHouse({
  ...(env.CLICKHOUSE_URL ? { url: env.CLICKHOUSE_URL } : {}),
  username: env.CLICKHOUSE_USER,
  password: env.CLICKHOUSE_PASSWORD,
  embeddedPath: env.CHDB_PATH,
});
await migrate(client, env.CLICKHOUSE_DATABASE, CLICKHOUSE_MIGRATIONS_DIR);
const bus = createBusFromEnv(env, logger, 'kh02-writer');
await bus.start();
const writers = createWriters(env, { bus, clickhouse: client, registry, logger });
for (const w of writers) await w.start();
logger.info('writer consuming');

new ShutdownSequence(logger)
  .add('flush and detach writers', async () => {
    for (const w of writers) await w.stop();
  })
  .add('close bus', () => bus.close())
  .add('close ClickHouse', () => client.close())
  .installSignalHandlers();
