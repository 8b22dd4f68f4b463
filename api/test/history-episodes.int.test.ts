import type { ClickHouseClient } from '@clickhouse/client';
import { migrate, openClickHouse } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import type { StatusChange, UnitStatus } from '@kh02/schemas';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusHistoryStore } from '../src/status/history-store.js';
import { silent } from '@kh02/testkit';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let client: ClickHouseClient;
beforeAll(async () => {
  dir = await makeTempDir('history-episodes');
  client = (await openClickHouse({ embeddedPath: dir.path })).client;
  await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
}, 60_000);
afterAll(async () => {
  await client.close();
  await dir.remove();
});

const H = 3_600_000;
const NOW = Date.parse('2026-11-25T05:00:00Z');
const change = (code: string, atMs: number, from: UnitStatus, to: UnitStatus): StatusChange => ({
  at: new Date(atMs).toISOString(),
  code,
  from,
  to,
  reasons: [],
});

describe('red spells from the stored colour changes', () => {
  it('finds each spell in red, including one that began before the window and one still going', async () => {
    const store = new StatusHistoryStore(client, 'kh02', silent);
    store.record([
      change('46', NOW - 40 * 24 * H, 'green', 'red'), // red since long before the 30-day window, still red
      change('48', NOW - 50 * H, 'green', 'red'),
      change('48', NOW - 20 * H, 'red', 'yellow'),
      change('48', NOW - 10 * H, 'yellow', 'red'), // a second spell, still going
      change('79', NOW - 35 * 24 * H, 'green', 'red'),
      change('79', NOW - 34 * 24 * H, 'red', 'green'), // ended before the window: not listed
      change('01001', NOW - 30 * H, 'green', 'red'), // a commune: filtered out by the caller's rule
    ]);
    const spells = await store.redEpisodes(NOW - 30 * 24 * H, (code) => code.length === 2);
    expect(spells).toEqual([
      { code: '46', fromMs: NOW - 40 * 24 * H, toMs: null },
      { code: '48', fromMs: NOW - 50 * H, toMs: NOW - 20 * H },
      { code: '48', fromMs: NOW - 10 * H, toMs: null },
    ]);
    await store.stop();
  });
});
