import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_WINDOW, STREAMS } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { busTopology, createMetricsRegistry, LocalBus, type Bus } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import {
  ApiKeyStore,
  buildIngestApp,
  createDemoKeys,
  IdempotencyCache,
  IngestMetrics,
  KeyRateLimiter,
  type ApiKeyRecord,
} from '@kh02/ingest';
import { NOW } from './ingest-fixtures.js';

/** The response of fastify's `inject()`. */
export type InjectResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

export const silentLogger = pino({ level: 'silent' });

export interface IngestHarness {
  app: FastifyInstance;
  bus: Bus;
  tokens: Record<string, string>;
  /** POST with a bearer token and a fresh (or given) Idempotency-Key. */
  post(
    path: string,
    body: unknown,
    opts?: { token?: string; idem?: string; contentType?: string; raw?: string | Buffer },
  ): Promise<InjectResponse>;
  telemetryMessages(): Promise<number>;
  close(): Promise<void>;
}

export async function startIngestHarness(
  opts: { bus?: Bus; now?: () => number; extraKeys?: ApiKeyRecord[]; ratePerSec?: number; burst?: number } = {},
): Promise<IngestHarness> {
  const registry = defaultRegistry();
  const bus = opts.bus ?? new LocalBus(busTopology());
  await bus.start();
  const demo = createDemoKeys(registry, { ratePerSec: opts.ratePerSec ?? 1_000, burst: opts.burst ?? 5_000 });
  const app = buildIngestApp(
    {
      bus,
      keys: new ApiKeyStore([...demo.records, ...(opts.extraKeys ?? [])]),
      registry,
      rateLimiter: new KeyRateLimiter(),
      idempotency: new IdempotencyCache(10_000, 600_000),
      metrics: new IngestMetrics(createMetricsRegistry()),
      timeWindow: DEFAULT_TIME_WINDOW,
      now: opts.now ?? (() => NOW),
    },
    silentLogger,
  );
  await app.ready();
  return {
    app,
    bus,
    tokens: demo.tokens,
    post: (path, body, o = {}) =>
      app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': o.contentType ?? 'application/json',
          ...(o.token === '' ? {} : { authorization: `Bearer ${o.token ?? demo.tokens['vendor-vnpt']}` }),
          ...(o.idem === '' ? {} : { 'idempotency-key': o.idem ?? randomUUID() }),
        },
        payload: o.raw ?? JSON.stringify(body),
      }),
    telemetryMessages: async () => (await bus.streamState(STREAMS.telemetry)).messages,
    close: async () => {
      await app.close();
      await bus.close();
    },
  };
}
