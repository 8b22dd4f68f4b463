import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { migrate } from '@kh02/platform';
import { makeTempDir, startClickHouseShim, type ClickHouseShim } from '@kh02/platform/local';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseBatchStore } from '../src/writer/batch-store.js';
import { rowsOf } from '../src/writer/rows.js';
import { sample } from '@kh02/testkit';
import { TEST_DB } from '@kh02/testkit';

// Over HTTP, like a production writer: the shim enforces ClickHouse's 1 MiB URL limit.
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let shim: ClickHouseShim;
let client: ClickHouseClient;
beforeAll(async () => {
  dir = await makeTempDir('batch-store');
  shim = await startClickHouseShim({ dataPath: dir.path });
  client = createClient({ url: shim.url, log: { level: ClickHouseLogLevel.OFF } });
  await migrate(client, TEST_DB, CLICKHOUSE_MIGRATIONS_DIR);
}, 60_000);
afterAll(async () => {
  await client.close();
  await shim.close();
  await dir.remove();
});

describe('ClickHouseBatchStore.existingEventIds over HTTP', () => {
  it('finds exactly the stored ids in a batch whose ids would not fit in one query URL', async () => {
    const store = new ClickHouseBatchStore(client, TEST_DB);
    // 20,000 ids of 64 characters: ~1.4 MB of URL if sent as one query.
    const events = Array.from({ length: 20_000 }, (_, i) =>
      sample({ event_id: `resend-${String(i).padStart(6, '0')}-${'x'.repeat(50)}` }),
    );
    const message = {
      v: 1,
      kind: 'health_sample',
      key_id: 'k',
      idempotency_key: 'i',
      received_at_ms: Date.now(),
      events,
    } as const;
    const { table, rows } = rowsOf(message, 1, () => 'P01');
    const stored = rows.filter((_, i) => i % 7 === 0);
    await store.insert(table, stored, 'slice-test');
    const found = await store.existingEventIds(table, rows);
    expect(found.size).toBe(stored.length);
    expect([...found].sort()).toEqual(stored.map((r) => String(r.event_id)).sort());
  }, 60_000);
});
