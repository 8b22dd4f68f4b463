import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { createLogger, loadRegistry, migrate, openClickHouse, ShutdownSequence } from '@kh02/platform';
import { createBusFromEnv, loadIngestEnv } from '@kh02/ingest';
import { startApiService } from './api-service.js';
import { loadApiEnv } from './env.js';

/** Distributed mode: status engine + read API + live feed + the wall. */
const ingestEnv = loadIngestEnv();
const env = loadApiEnv();
const logger = createLogger('kh02-api', ingestEnv.LOG_LEVEL, ingestEnv.LOG_PRETTY);
const registry = await loadRegistry(ingestEnv.REGISTRY_OVERRIDE_FILE);
const { client } = await openClickHouse({
  ...(ingestEnv.CLICKHOUSE_URL ? { url: ingestEnv.CLICKHOUSE_URL } : {}),
  username: ingestEnv.CLICKHOUSE_USER,
  password: ingestEnv.CLICKHOUSE_PASSWORD,
  embeddedPath: ingestEnv.CHDB_PATH,
});
await migrate(client, ingestEnv.CLICKHOUSE_DATABASE, CLICKHOUSE_MIGRATIONS_DIR);
const bus = createBusFromEnv(ingestEnv, logger, 'kh02-api');
await bus.start();
const api = await startApiService({
  env,
  bus,
  clickhouse: client,
  database: ingestEnv.CLICKHOUSE_DATABASE,
  registry,
  logger,
});
logger.info({ url: api.url }, 'api listening');

new ShutdownSequence(logger)
  .add('stop status engine, live feed and HTTP', () => api.close())
  .add('close bus', () => bus.close())
  .add('close ClickHouse', () => client.close())
  .installSignalHandlers();
