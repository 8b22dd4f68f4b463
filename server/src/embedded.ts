import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrapInfra, ShutdownSequence, type Bus, type Logger } from '@kh02/platform';
import { DEMO_DISPLAY_USER } from '@kh02/api';
import { loadOrCreateKeys } from '@kh02/ingest';
import { startApiService, type ApiService } from './api-service.js';
import { loadApiEnv } from './env/api-env.js';
import { loadIngestEnv } from './env/ingest-env.js';
import { createIngestApp, createWriters } from './ingest-service.js';
import { startDemoPullSource } from './simulator/demo-pull-source.js';
import { seedDemoMaintenance } from './simulator/demo-maintenance.js';
import { DemoSimulator } from './simulator/simulator.js';
import { seedDemoTasks } from './simulator/demo-tasks.js';

export interface EmbeddedOptions {
  dataDir?: string;
  apiPort?: number;
  ingestPort?: number;
  simulator?: boolean;
  webDir?: string;
  /** Environment to read the rest of the configuration from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export interface EmbeddedSystem {
  apiUrl: string;
  ingestUrl: string;
  /** Demo key id → bearer token (vendor-vnpt, counter-p01, …). */
  tokens: Record<string, string>;
  /** A read-only session for the wall (demo mode), for `/?token=…` and tests. */
  displayToken: string | undefined;
  api: ApiService;
  bus: Bus;
  simulator: DemoSimulator | undefined;
  stop(): Promise<void>;
}

function envWith(base: NodeJS.ProcessEnv, opts: EmbeddedOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  if (opts.apiPort !== undefined) env.API_PORT = String(opts.apiPort);
  if (opts.ingestPort !== undefined) env.INGEST_PORT = String(opts.ingestPort);
  if (opts.simulator !== undefined) env.SIMULATOR = String(opts.simulator);
  if (opts.webDir) env.WEB_DIR = opts.webDir;
  return env;
}

/**
 * The whole system in one process (the `npm start` default): ingest API,
 * embedded journaled bus (or NATS when NATS_URL is set), writer, embedded
 * ClickHouse (chDB, or a server when CLICKHOUSE_URL is set), status engine,
 * read API + live feed + the wall, and the demo simulator.
 */
export async function startEmbeddedSystem(opts: EmbeddedOptions = {}): Promise<EmbeddedSystem> {
  const env = envWith(opts.env ?? process.env, opts);
  const ingestEnv = loadIngestEnv(env);
  const apiEnv = loadApiEnv(env);
  const infra = await bootstrapInfra(ingestEnv, {
    name: 'kh02-embedded',
    clickhouse: true,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const { logger, registry, bus, metrics } = infra;
  const clickhouse = infra.clickhouse;
  if (!clickhouse) throw new Error('embedded system: ClickHouse was not opened');
  const shutdown = new ShutdownSequence(logger);

  const keys = await loadOrCreateKeys(ingestEnv.API_KEYS_FILE, { createDemo: true, registry });
  const writers = createWriters(ingestEnv, { bus, clickhouse, registry, logger, metrics });
  for (const w of writers) await w.start();

  const ingest = createIngestApp(ingestEnv, {
    bus,
    keys: keys.store,
    registry,
    logger: logger.child({ component: 'ingest' }),
    readinessChecks: [() => writers.every((w) => w.isHealthy())],
    metrics,
  });
  const ingestAddress = await ingest.listen({
    host: ingestEnv.INGEST_HOST,
    port: ingestEnv.INGEST_PORT,
    backlog: ingestEnv.INGEST_LISTEN_BACKLOG,
  });
  const ingestUrl = ingestAddress.replace('[::1]', '127.0.0.1');

  // Demo only: a vendor endpoint the api pulls one system's daily report from (unless real pull sources exist).
  const demoPull =
    apiEnv.SIMULATOR && !existsSync(apiEnv.PULL_SOURCES_FILE)
      ? await startDemoPullSource(apiEnv.DATA_DIR, registry)
      : undefined;
  const api = await startApiService({
    env: demoPull ? { ...apiEnv, PULL_SOURCES_FILE: demoPull.file } : apiEnv,
    // One process: a stalled writer makes the whole system not ready, on either port.
    extraReadiness: { storage_writers: () => writers.every((w) => w.isHealthy()) },
    bus,
    clickhouse,
    database: infra.database,
    registry,
    logger,
    metrics,
  });
  const displayToken = await demoDisplayToken(api, apiEnv.DATA_DIR);

  let simulator: DemoSimulator | undefined;
  if (apiEnv.SIMULATOR) {
    simulator = new DemoSimulator({
      ingestUrl,
      tokens: keys.tokens,
      registry,
      sampleEveryMs: apiEnv.SIMULATOR_SAMPLE_EVERY_MS,
      counterEveryMs: apiEnv.SIMULATOR_COUNTER_EVERY_MS,
      logger: logger.child({ component: 'simulator' }),
      ...(demoPull ? { pulledSystemId: demoPull.systemId } : {}),
    });
    void simulator.start().catch((err: unknown) => logger.error({ err }, 'simulator failed to start'));
    await seedDemoMaintenance(api.records.maintenance, registry, Date.now()).catch((err: unknown) =>
      logger.error({ err }, 'demo maintenance window not seeded'),
    );
    void seedDemoTasks({ tasks: api.records.tasks, registry, now: Date.now, logger }).catch((err: unknown) =>
      logger.error({ err }, 'demo task progress failed'),
    );
  }

  shutdown
    .add('stop simulator', () => simulator?.stop())
    .add('stop accepting telemetry', async () => {
      ingest.markShuttingDown();
      await ingest.close();
    })
    .add('stop status engine and live feed', () => api.close())
    .add('stop demo vendor endpoint', () => demoPull?.close())
    .add('flush writers', async () => {
      for (const w of writers) await w.stop();
    })
    .add('close bus', () => bus.close())
    .add('close ClickHouse', () => clickhouse.close());

  return {
    apiUrl: api.url,
    ingestUrl,
    tokens: keys.tokens,
    displayToken,
    api,
    bus,
    simulator,
    stop: () => shutdown.run('stop'),
  };
}

/** Signs the demo wall display in, so the printed URL opens a live wall without typing a password. */
async function demoDisplayToken(api: ApiService, dataDir: string): Promise<string | undefined> {
  try {
    const passwords = JSON.parse(await readFile(join(dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
    const password = passwords[DEMO_DISPLAY_USER];
    return password ? (await api.records.accounts.login(DEMO_DISPLAY_USER, password)).token : undefined;
  } catch {
    return undefined;
  }
}
