import { startClickHouseShim } from './clickhouse-http-shim.js';

/**
 * "ClickHouse" as its own process: the embedded engine behind the HTTP
 * interface, so the writer and the api (separate processes) can share one
 * store, and a fault test can kill -9 it and restart it on the same data.
 *
 *   CHDB_PATH=/tmp/store CLICKHOUSE_SHIM_PORT=18123 node --import tsx platform/src/local/clickhouse-shim-main.ts
 *
 * Prints one JSON line `{"msg":"clickhouse shim listening","url":…}` when ready.
 */
const dataPath = process.env.CHDB_PATH;
if (!dataPath) {
  process.stderr.write('CHDB_PATH is required (the chDB data directory)\n');
  process.exit(2);
}
const shim = await startClickHouseShim({
  dataPath,
  host: process.env.CLICKHOUSE_SHIM_HOST ?? '127.0.0.1',
  port: Number(process.env.CLICKHOUSE_SHIM_PORT ?? 0),
  sessions: Number(process.env.CLICKHOUSE_SHIM_SESSIONS ?? 2),
  insertReplyDelayMs: Number(process.env.CLICKHOUSE_SHIM_INSERT_REPLY_DELAY_MS ?? 0),
});
process.stdout.write(`${JSON.stringify({ msg: 'clickhouse shim listening', url: shim.url, pid: process.pid })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void shim.close().finally(() => process.exit(0));
  });
}
