import { DEFAULT_TIME_WINDOW } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import {
  busLimits,
  busTopology,
  WRITER_TELEMETRY_CONSUMER,
  WRITER_WORKFLOW_CONSUMER,
  type Bus,
  type Logger,
  type MetricsRegistry,
} from '@kh02/platform';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance } from 'fastify';
import {
  buildIngestApp,
  BusWriter,
  ClickHouseBatchStore,
  decodeTelemetry,
  decodeWorkflow,
  IdempotencyCache,
  IngestMetrics,
  KeyRateLimiter,
  registerWriterMetrics,
  writerObserver,
  type ApiKeyStore,
} from '@kh02/ingest';
import type { IngestEnv } from './env/ingest-env.js';

/** The ingest HTTP app with its real dependencies (key store, rate limiter, idempotency, metrics). */
export function createIngestApp(
  env: IngestEnv,
  deps: {
    bus: Bus;
    keys: ApiKeyStore;
    registry: Registry;
    logger: Logger;
    readinessChecks?: Array<() => boolean | Promise<boolean>>;
    metrics: MetricsRegistry;
  },
): FastifyInstance {
  return buildIngestApp(
    {
      bus: deps.bus,
      keys: deps.keys,
      registry: deps.registry,
      rateLimiter: new KeyRateLimiter(),
      idempotency: new IdempotencyCache(200_000, env.BUS_DUPLICATE_WINDOW_MS),
      metrics: new IngestMetrics(deps.metrics),
      timeWindow: DEFAULT_TIME_WINDOW,
      now: Date.now,
      httpTimeouts: env,
      ...(deps.readinessChecks ? { readinessChecks: deps.readinessChecks } : {}),
    },
    deps.logger,
  );
}

function writerConsumer(env: IngestEnv, name: string) {
  const consumer = busTopology(busLimits(env)).durableConsumers.find((c) => c.name === name);
  if (!consumer) throw new Error(`writer consumer ${name} missing from the bus topology`);
  return consumer;
}

/** The telemetry writer and the workflow (audit) writer: same batching and ack discipline, different rows. */
export function createWriters(
  env: IngestEnv,
  deps: { bus: Bus; clickhouse: ClickHouseClient; registry: Registry; logger: Logger; metrics: MetricsRegistry },
): BusWriter[] {
  const common = {
    bus: deps.bus,
    store: new ClickHouseBatchStore(deps.clickhouse, env.CLICKHOUSE_DATABASE),
    maxBatchRows: env.WRITER_MAX_BATCH_ROWS,
    flushIntervalMs: env.WRITER_FLUSH_INTERVAL_MS,
    highWaterRows: env.WRITER_HIGH_WATER_ROWS,
    stallAfterMs: env.WRITER_STALL_AFTER_MS,
  };
  const writers = [
    new BusWriter({
      ...common,
      observer: writerObserver(deps.metrics, 'telemetry'),
      consumer: writerConsumer(env, WRITER_TELEMETRY_CONSUMER),
      logger: deps.logger.child({ component: 'writer', stream: 'telemetry' }),
      decode: (msg) => decodeTelemetry(msg, (code) => deps.registry.provinceOf(code)),
      origin: 'telemetry',
      exactDedup: env.WRITER_EXACT_DEDUP,
    }),
    new BusWriter({
      ...common,
      observer: writerObserver(deps.metrics, 'workflow'),
      consumer: writerConsumer(env, WRITER_WORKFLOW_CONSUMER),
      logger: deps.logger.child({ component: 'writer', stream: 'workflow' }),
      decode: decodeWorkflow,
      origin: 'workflow',
      // Workflow events are unique by bus sequence; only a redelivery can repeat one.
      exactDedup: false,
    }),
  ];
  registerWriterMetrics(deps.metrics, writers);
  return writers;
}
