import { join } from 'node:path';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { migrate } from '@kh02/platform';
import { freePort, makeTempDir, startNatsServer, type NatsServerHandle } from '@kh02/platform/local';
import { freezeMerges, PRODUCT_DB } from '../oracle/tables.js';
import { writeFaultKeys } from './api-keys.js';
import { BusProbe } from './bus-probe.js';
import type { ManagedProcess, UnexpectedExit } from './managed-process.js';
import { artifactsDir } from './paths.js';
import { apiService, clickhouseService, ingestService, writerService, type StackWiring } from './services.js';

export interface StackOptions {
  /** Names the artifacts directory (test-artifacts/faults/<name>). */
  name: string;
  withApi?: boolean;
  /** false: the writer is created but not started (the bus-full fault). */
  startWriter?: boolean;
  /** Extra variables for every service. */
  env?: Record<string, string>;
  /** Hold each INSERT's answer this long after the rows are stored (see the shim). */
  insertReplyDelayMs?: number;
  /** JetStream sync_interval (default 'always' where the server supports it). */
  natsSyncInterval?: string;
}

/** The distributed system on one box, every service its own process, plus the harness's probes. */
export interface Stack {
  artifacts: string;
  dataDir: string;
  nats: NatsServerHandle;
  clickhouse: ManagedProcess;
  /** The store's fixed port (a restart comes back on it). */
  clickhousePort: number;
  writer: ManagedProcess;
  ingest: ManagedProcess;
  api: ManagedProcess | undefined;
  ingestUrl: string;
  apiUrl: string | undefined;
  tokens: Record<string, string>;
  /** The harness's own HTTP client to the store (never the product's). */
  store: ClickHouseClient;
  bus: BusProbe;
  unexpectedExits(): UnexpectedExit[];
  stop(): Promise<void>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const artifacts = await artifactsDir(opts.name);
  const data = await makeTempDir(`faults-${opts.name}`);
  const nats = await startNatsServer({
    syncInterval: opts.natsSyncInterval ?? 'always',
    logFile: join(artifacts, 'nats-server.log'),
  });
  const { keysFile, tokens } = await writeFaultKeys(data.path);
  const [chPort, ingestPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const clickhouseUrl = `http://127.0.0.1:${chPort}`;
  const wiring: StackWiring = {
    dataDir: data.path,
    logDir: artifacts,
    natsUrl: nats.url,
    clickhouseUrl,
    keysFile,
    env: opts.env ?? {},
  };
  const clickhouse = clickhouseService(wiring, chPort, opts.insertReplyDelayMs ?? 0);
  await clickhouse.start();
  const store = createClient({ url: clickhouseUrl, log: { level: ClickHouseLogLevel.OFF }, request_timeout: 30_000 });
  // Schema exists and merges are frozen before any service writes, so the oracle sees every row written.
  await migrate(store, PRODUCT_DB, CLICKHOUSE_MIGRATIONS_DIR);
  await freezeMerges(store);

  const writer = writerService(wiring);
  if (opts.startWriter !== false) await writer.start();
  const ingest = ingestService(wiring, ingestPort);
  await ingest.start();
  const api = opts.withApi ? apiService(wiring, apiPort) : undefined;
  await api?.start();
  const bus = await BusProbe.connect(nats.url);
  const services = [clickhouse, writer, ingest, ...(api ? [api] : [])];

  return {
    artifacts,
    dataDir: data.path,
    nats,
    clickhouse,
    clickhousePort: chPort,
    writer,
    ingest,
    api,
    ingestUrl: `http://127.0.0.1:${ingestPort}`,
    apiUrl: api ? `http://127.0.0.1:${apiPort}` : undefined,
    tokens,
    store,
    bus,
    unexpectedExits: () => services.flatMap((s) => s.unexpectedExits),
    stop: async () => {
      for (const s of [...services].reverse()) await s.stop().catch(() => undefined);
      await bus.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      await nats.stop().catch(() => undefined);
      // FAULTS_KEEP_DATA=1 keeps the store and journal for a post-mortem.
      if (process.env.FAULTS_KEEP_DATA !== '1') await data.remove();
    },
  };
}
