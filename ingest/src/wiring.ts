import { DEFAULT_TIME_WINDOW } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import {
  busTopology,
  createBus,
  WRITER_TELEMETRY_CONSUMER,
  WRITER_WORKFLOW_CONSUMER,
  type Bus,
  type Logger,
} from '@kh02/platform';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyStore } from './auth/api-keys.js';
import { KeyRateLimiter } from './auth/rate-limiter.js';
import { buildIngestApp } from './app.js';
import type { IngestEnv } from './env.js';
import { IdempotencyCache } from './idempotency-cache.js';
import { IngestMetrics } from './metrics.js';
import { ClickHouseBatchStore } from './writer/batch-store.js';
import { BusWriter } from './writer/bus-writer.js';
import { decodeTelemetry } from './writer/rows.js';
import { decodeWorkflow } from './writer/workflow-rows.js';

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
    extraMetrics?: () => string;
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
      httpTimeouts: env,
      ...(deps.readinessChecks ? { readinessChecks: deps.readinessChecks } : {}),
      ...(deps.extraMetrics ? { extraMetrics: deps.extraMetrics } : {}),
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
  deps: { bus: Bus; clickhouse: ClickHouseClient; registry: Registry; logger: Logger },
): BusWriter[] {
  const common = {
    bus: deps.bus,
    store: new ClickHouseBatchStore(deps.clickhouse, env.CLICKHOUSE_DATABASE),
    maxBatchRows: env.WRITER_MAX_BATCH_ROWS,
    flushIntervalMs: env.WRITER_FLUSH_INTERVAL_MS,
    highWaterRows: env.WRITER_HIGH_WATER_ROWS,
    stallAfterMs: env.WRITER_STALL_AFTER_MS,
  };
  return [
    new BusWriter({
      ...common,
      consumer: writerConsumer(env, WRITER_TELEMETRY_CONSUMER),
      logger: deps.logger.child({ component: 'writer', stream: 'telemetry' }),
      decode: (msg) => decodeTelemetry(msg, (code) => deps.registry.provinceOf(code)),
      origin: 'telemetry',
      exactDedup: env.WRITER_EXACT_DEDUP,
    }),
    new BusWriter({
      ...common,
      consumer: writerConsumer(env, WRITER_WORKFLOW_CONSUMER),
      logger: deps.logger.child({ component: 'writer', stream: 'workflow' }),
      decode: decodeWorkflow,
      origin: 'workflow',
      // Workflow events are unique by bus sequence; only a redelivery can repeat one.
      exactDedup: false,
    }),
  ];
}

/** Prometheus lines for writers running in this process: progress, retries, dead letters, backlog. */
export function writerMetrics(
  writers: { origin: string; stats: BusWriter['stats']; stalledForMs(): number; isStalled(): boolean }[],
): string {
  const lines: string[] = [];
  for (const w of writers) {
    const l = `{stream="${w.origin}"}`;
    lines.push(
      `kh02_writer_rows_written_total${l} ${w.stats.rowsWritten}`,
      `kh02_writer_messages_acked_total${l} ${w.stats.messagesAcked}`,
      `kh02_writer_dead_lettered_total${l} ${w.stats.deadLettered}`,
      `kh02_writer_duplicates_skipped_total${l} ${w.stats.duplicatesSkipped}`,
      `kh02_writer_buffered_rows${l} ${w.stats.bufferedRows}`,
      `kh02_writer_consecutive_retries${l} ${w.stats.retries}`,
      `kh02_writer_stalled${l} ${w.isStalled() ? 1 : 0}`,
      `kh02_writer_stalled_seconds${l} ${(w.stalledForMs() / 1000).toFixed(1)}`,
    );
  }
  return lines.join('\n') + '\n';
}
