import { join } from 'node:path';
import { httpReady, logReady, ManagedProcess } from './managed-process.js';
import { ENTRY } from './paths.js';

/** What every service of one stack shares. */
export interface StackWiring {
  dataDir: string;
  logDir: string;
  natsUrl: string;
  clickhouseUrl: string;
  keysFile: string;
  /** Extra variables for every service (e.g. bus limits), identical everywhere so no process re-applies other limits. */
  env: Record<string, string>;
}

function commonEnv(w: StackWiring): Record<string, string> {
  return {
    LOG_LEVEL: 'info',
    DATA_DIR: w.dataDir,
    NATS_URL: w.natsUrl,
    CLICKHOUSE_URL: w.clickhouseUrl,
    API_KEYS_FILE: w.keysFile,
    ...w.env,
  };
}

/** The store: chDB behind the ClickHouse HTTP interface, in its own process on a fixed port and data dir. */
export function clickhouseService(w: StackWiring, port: number, insertReplyDelayMs: number): ManagedProcess {
  return new ManagedProcess({
    name: 'clickhouse',
    entry: ENTRY.clickhouse,
    env: {
      CHDB_PATH: join(w.dataDir, 'chdb'),
      CLICKHOUSE_SHIM_PORT: String(port),
      CLICKHOUSE_SHIM_INSERT_REPLY_DELAY_MS: String(insertReplyDelayMs),
    },
    logFile: join(w.logDir, 'clickhouse.log'),
    ready: httpReady(`http://127.0.0.1:${port}/ping`),
  });
}

export function writerService(w: StackWiring): ManagedProcess {
  return new ManagedProcess({
    name: 'writer',
    entry: ENTRY.writer,
    env: commonEnv(w),
    logFile: join(w.logDir, 'writer.log'),
    ready: logReady('writer consuming'),
  });
}

export function ingestService(w: StackWiring, port: number): ManagedProcess {
  return new ManagedProcess({
    name: 'ingest',
    entry: ENTRY.ingest,
    env: { ...commonEnv(w), INGEST_HOST: '127.0.0.1', INGEST_PORT: String(port) },
    logFile: join(w.logDir, 'ingest.log'),
    ready: httpReady(`http://127.0.0.1:${port}/ready`),
  });
}

export function apiService(w: StackWiring, port: number): ManagedProcess {
  return new ManagedProcess({
    name: 'api',
    entry: ENTRY.api,
    env: {
      ...commonEnv(w),
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      SIMULATOR: 'false',
      // Reads and the live feed need a session, as in production; the demo display account provides one.
      DEMO_ACCOUNTS: 'true',
      SESSION_SECRET: 'faults-session-secret-0123456789abcdef',
      WEB_DIR: join(w.dataDir, 'no-web-build'),
    },
    logFile: join(w.logDir, 'api.log'),
    ready: httpReady(`http://127.0.0.1:${port}/health`),
    readyTimeoutMs: 120_000,
  });
}
