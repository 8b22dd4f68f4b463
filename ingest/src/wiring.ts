import { DEFAULT_TIME_WINDOW } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { busTopology, createBus, WRITER_TELEMETRY_CONSUMER, type Bus, type Logger } from '@kh02/platform';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyStore } from './auth/api-keys.js';
import { KeyRateLimiter } from './auth/rate-limiter.js';
import { buildIngestApp } from './app.js';
import type { IngestEnv } from './env.js';
import { IdempotencyCache } from './idempotency-cache.js';
import { IngestMetrics } from './metrics.js';
import { ClickHouseTelemetryStore } from './writer/telemetry-store.js';
import { TelemetryWriter } from './writer/telemetry-writer.js';

export function busLimits(env: IngestEnv) {
  return {
    telemetryMaxBytes: env.BUS_MAX_BYTES,
    maxMsgBytes: 2 * 1024 * 1024,
    telemetryMaxAgeMs: env.BUS_MAX_AGE_MS,
    duplicateWindowMs: env.BUS_DUPLICATE_WINDOW_MS,
  };
}

export function createBusFromEnv(env: IngestEnv, logger: Logger, clientName: string): Bus {
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

export function createIngestApp(
  env: IngestEnv,
  deps: {
    bus: Bus;
    keys: ApiKeyStore;
    registry: Registry;
    logger: Logger;
    readinessChecks?: Array<() => boolean | Promise<boolean>>;
  },
): FastifyInstance {
  return buildIngestApp(
    {
      bus: deps.bus,
      keys: deps.keys,
      registry: deps.registry,
      rateLimiter: new KeyRateLimiter(),
      idempotency: new IdempotencyCache(200_000, env.BUS_DUPLICATE_WINDOW_MS),
      metrics: new IngestMetrics(),
      timeWindow: DEFAULT_TIME_WINDOW,
      now: Date.now,
      ...(deps.readinessChecks ? { readinessChecks: deps.readinessChecks } : {}),
    },
    deps.logger,
  );
}

export function createWriter(
  env: IngestEnv,
  deps: { bus: Bus; clickhouse: ClickHouseClient; registry: Registry; logger: Logger },
): TelemetryWriter {
  const consumer = busTopology(busLimits(env)).durableConsumers.find((c) => c.name === WRITER_TELEMETRY_CONSUMER);
  if (!consumer) throw new Error('writer consumer missing from the bus topology');
  return new TelemetryWriter({
    bus: deps.bus,
    store: new ClickHouseTelemetryStore(deps.clickhouse, env.CLICKHOUSE_DATABASE),
    consumer,
    logger: deps.logger.child({ component: 'writer' }),
    provinceOf: (code) => deps.registry.provinceOf(code),
    maxBatchRows: env.WRITER_MAX_BATCH_ROWS,
    flushIntervalMs: env.WRITER_FLUSH_INTERVAL_MS,
    highWaterRows: env.WRITER_HIGH_WATER_ROWS,
  });
}
