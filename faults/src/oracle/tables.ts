import type { ClickHouseClient } from '@clickhouse/client';

/** The telemetry tables the fault load writes. */
export const FAULT_TABLES = ['health_samples', 'counter_reports'] as const;
export type FaultTable = (typeof FAULT_TABLES)[number];

export const PRODUCT_DB = 'kh02';

/**
 * The raw tables are ReplacingMergeTree: a background merge folds rows with
 * the same key, so a duplicate written during a fault could vanish before the
 * oracle counts it. For the length of a fault run the store is told never to
 * merge them (a table setting, so it survives the store being killed and
 * restarted); `count()` then shows every row ever written. A materialized-view
 * "witness" does not work here: ClickHouse still pushes a block to the view
 * when the raw table drops it as a repeated insert, so it over-counts retries.
 */
export async function freezeMerges(store: ClickHouseClient): Promise<void> {
  for (const table of FAULT_TABLES) {
    await store.command({
      query: `ALTER TABLE ${PRODUCT_DB}.${table} MODIFY SETTING max_bytes_to_merge_at_max_space_in_pool = 1`,
    });
  }
}

/** Rows of one run currently in a raw table (`bus_seq` above `aboveSeq` only, if given). */
export async function storedRows(
  store: ClickHouseClient,
  table: FaultTable,
  runId: string,
  aboveSeq = 0,
): Promise<number> {
  const rs = await store.query({
    query: `SELECT count() AS n FROM ${PRODUCT_DB}.${table}
            WHERE startsWith(event_id, {prefix:String}) AND bus_seq > {above:UInt64}`,
    query_params: { prefix: `${runId}-`, above: aboveSeq },
    format: 'JSONEachRow',
  });
  const [row] = await rs.json<{ n: number | string }>();
  return Number(row?.n ?? 0);
}
