import type { ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { migrate, openClickHouse } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';

export const TEST_DB = 'kh02';

/** The raw tables (ReplacingMergeTree) and the identity table the writer reads. */
export const STORED_TABLES = ['health_samples', 'health_reports', 'counter_reports', 'incident_reports', 'event_ids'];

/**
 * The real ClickHouse engine (chDB) in a temp directory, migrated. One per
 * test file (one engine per process). Merges are frozen on the raw tables: a
 * background merge would fold a duplicate row away before a test counts it,
 * so `count()` here shows every row ever written.
 */
export async function openTestStore(): Promise<{ client: ClickHouseClient; close: () => Promise<void> }> {
  const dir = await makeTempDir('chdb');
  const { client } = await openClickHouse({ embeddedPath: dir.path });
  await migrate(client, TEST_DB, CLICKHOUSE_MIGRATIONS_DIR);
  for (const table of STORED_TABLES) {
    await client.command({
      query: `ALTER TABLE ${TEST_DB}.${table} MODIFY SETTING max_bytes_to_merge_at_max_space_in_pool = 1`,
    });
  }
  return {
    client,
    close: async () => {
      await client.close();
      await dir.remove();
    },
  };
}

export async function countRows(
  client: ClickHouseClient,
  table: string,
  final = false,
): Promise<{ rows: number; distinct: number }> {
  const rs = await client.query({
    query: `SELECT count() AS rows, uniqExact(event_id) AS distinct FROM ${TEST_DB}.${table}${final ? ' FINAL' : ''}`,
    format: 'JSONEachRow',
  });
  const [r] = await rs.json<{ rows: number; distinct: number }>();
  return r ?? { rows: 0, distinct: 0 };
}
