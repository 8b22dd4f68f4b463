import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openClickHouse } from '@kh02/platform';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { floorBodies, timedLoop, type FloorMode } from './floor-bodies.js';
import { rowsOfRequest } from './naive-rows.js';

/**
 * The naive baseline: no bus, no batching — each request is parsed,
 * validated and written with its own ClickHouse INSERT (what a first
 * "just insert it" ingest would do), 16 requests in flight.
 * Args: <single|batch> <seconds>
 */
const mode = (process.argv[2] ?? 'single') as FloorMode;
const seconds = Number(process.argv[3] ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'kh02-naive-'));
const { client } = await openClickHouse({ embeddedPath: join(dir, 'chdb') });
await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
const bodies = floorBodies(mode, 'naive');
const result = await timedLoop(bodies, seconds, 16, async (req) => {
  const { table, rows } = rowsOfRequest(req, Date.now());
  await client.insert({ table, values: rows, format: 'JSONEachRow' });
  return rows.length;
});
await client.close();
await rm(dir, { recursive: true, force: true });
process.send?.({ type: 'result', mode, ...result });
process.disconnect?.();
