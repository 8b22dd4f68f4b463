import type { ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { migrate, openClickHouse } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/testing';

export const TEST_DB = 'kh02';

/** The real ClickHouse engine (chDB) in a temp directory, migrated. One per test file (one engine per process). */
export async function openTestStore(): Promise<{ client: ClickHouseClient; close: () => Promise<void> }> {
  const dir = await makeTempDir('chdb');
  const { client } = await openClickHouse({ embeddedPath: dir.path });
  await migrate(client, TEST_DB, CLICKHOUSE_MIGRATIONS_DIR);
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
