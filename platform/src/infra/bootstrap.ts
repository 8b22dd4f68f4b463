import type { ClickHouseClient } from '@clickhouse/client';
import type { Registry } from '@kh02/schemas/registry';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { createBus } from '../bus/create-bus.js';
import type { BusLimits } from '../bus/topology.js';
import type { Bus } from '../bus/types.js';
import { openClickHouse } from '../clickhouse/client.js';
import { migrate } from '../clickhouse/migrate.js';
import { createLogger, type Logger } from '../logger.js';
import { createMetricsRegistry, type MetricsRegistry } from '../metrics/metrics.js';
import { loadRegistry } from '../registry-loader.js';
import type { InfraEnv } from './infra-env.js';

export function busLimits(env: InfraEnv): BusLimits {
  return {
    telemetryMaxBytes: env.BUS_MAX_BYTES,
    maxMsgBytes: 2 * 1024 * 1024,
    telemetryMaxAgeMs: env.BUS_MAX_AGE_MS,
    duplicateWindowMs: env.BUS_DUPLICATE_WINDOW_MS,
  };
}

/** NATS JetStream when NATS_URL is set, else the embedded journaled bus in BUS_DIR. Not started yet. */
export function createBusFromEnv(env: InfraEnv, logger: Logger, clientName: string): Bus {
  return createBus(
    {
      natsUrl: env.NATS_URL,
      journalDir: env.BUS_DIR,
      limits: busLimits(env),
      natsReplicas: env.NATS_REPLICAS,
      publishTimeoutMs: env.BUS_PUBLISH_TIMEOUT_MS,
      clientName,
    },
    logger,
  );
}

/** A ClickHouse server when CLICKHOUSE_URL is set, else embedded chDB in CHDB_PATH; migrated. */
export async function openMigratedClickHouse(
  env: InfraEnv,
  logger: Logger,
): Promise<{ client: ClickHouseClient; mode: 'server' | 'embedded' }> {
  const handle = await openClickHouse({
    ...(env.CLICKHOUSE_URL ? { url: env.CLICKHOUSE_URL } : {}),
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    embeddedPath: env.CHDB_PATH,
  });
  const migrations = await migrate(handle.client, env.CLICKHOUSE_DATABASE, CLICKHOUSE_MIGRATIONS_DIR);
  logger.info({ mode: handle.mode, applied: migrations.applied }, 'ClickHouse ready');
  return handle;
}

export interface Infra {
  logger: Logger;
  /** The process's Prometheus registry (Node metrics included); every service of the process registers here. */
  metrics: MetricsRegistry;
  registry: Registry;
  bus: Bus;
  /** Present when asked for (`clickhouse: true`). */
  clickhouse: ClickHouseClient | undefined;
  database: string;
}

/**
 * The start of every process, in order: logger, registry, ClickHouse (opened
 * and migrated, when the process stores or reads), then the bus (started).
 * The caller owns closing them (bus first, then ClickHouse).
 */
export async function bootstrapInfra(
  env: InfraEnv,
  opts: { name: string; clickhouse: boolean; logger?: Logger },
): Promise<Infra> {
  const logger = opts.logger ?? createLogger(opts.name, env.LOG_LEVEL, env.LOG_PRETTY);
  const registry = await loadRegistry(env.REGISTRY_OVERRIDE_FILE);
  const clickhouse = opts.clickhouse ? (await openMigratedClickHouse(env, logger)).client : undefined;
  const bus = createBusFromEnv(env, logger, opts.name);
  await bus.start();
  logger.info({ bus: bus.kind }, 'bus ready');
  return { logger, metrics: createMetricsRegistry(), registry, bus, clickhouse, database: env.CLICKHOUSE_DATABASE };
}
