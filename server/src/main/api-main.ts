import { bootstrapInfra, ShutdownSequence } from '@kh02/platform';
import { startApiService } from '../api-service.js';
import { loadApiEnv } from '../env/api-env.js';

/** Distributed mode: status engine + read API + live feed + the wall. */
const env = loadApiEnv();
const { logger, registry, bus, clickhouse, database, metrics } = await bootstrapInfra(env, {
  name: 'kh02-api',
  clickhouse: true,
});
if (!clickhouse) throw new Error('api: ClickHouse was not opened');
const api = await startApiService({ env, bus, clickhouse, database, registry, logger, metrics });
logger.info({ url: api.url }, 'api listening');

new ShutdownSequence(logger)
  .add('stop status engine, live feed and HTTP', () => api.close())
  .add('close bus', () => bus.close())
  .add('close ClickHouse', () => clickhouse.close())
  .installSignalHandlers();
