import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openClickHouse } from '@kh02/platform';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { floorBodies } from './floor-bodies.js';
import { rowsOfRequest, type NaiveRow } from './naive-rows.js';

/**
 * The store's ceiling as the writer uses it: one flush = the x100 mix's
 * 10,000 rows (7,000 counter reports + 3,000 health samples, one INSERT per
 * table, materialized views included), flushes back to back. Event ids change
 * every flush so ClickHouse's block deduplication cannot skip any.
 * Args: <seconds>
 */
const seconds = Number(process.argv[2] ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'kh02-store-'));
const { client } = await openClickHouse({ embeddedPath: join(dir, 'chdb') });
await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
const byTable = new Map<string, NaiveRow[]>();
for (const req of floorBodies('batch', 'store').slice(0, 100)) {
  const { table, rows } = rowsOfRequest(req, Date.now());
  byTable.set(table, [...(byTable.get(table) ?? []), ...rows]);
}
const original = new Map([...byTable].map(([t, rows]) => [t, rows.map((r) => r.event_id)]));
let written = 0;
let flushes = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  for (const [table, rows] of byTable) {
    const ids = original.get(table) ?? [];
    rows.forEach((r, i) => (r.event_id = `${ids[i] ?? i}-${flushes}`));
    await client.insert({ table, values: rows, format: 'JSONEachRow' });
    written += rows.length;
  }
  flushes++;
}
const elapsedSec = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await client.close();
await rm(dir, { recursive: true, force: true });
process.send?.({
  type: 'result',
  mode: 'batch',
  requests: flushes,
  events: written,
  elapsedSec,
  cpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsedSec) * 100,
});
process.disconnect?.();
