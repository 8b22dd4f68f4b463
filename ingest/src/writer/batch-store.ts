import type { ClickHouseClient } from '@clickhouse/client';
import type { Row } from './rows.js';

/** What the writer needs from ClickHouse; small so tests can also drive failures through a real client. */
export interface BatchStore {
  insert(table: string, rows: Row[], dedupToken: string): Promise<void>;
  /** Which of these rows' event ids are already stored. */
  existingEventIds(table: string, rows: Row[]): Promise<Set<string>>;
}

export class ClickHouseBatchStore implements BatchStore {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
  ) {}

  async insert(table: string, rows: Row[], dedupToken: string): Promise<void> {
    await this.client.insert({
      table: `${this.database}.${table}`,
      values: rows,
      format: 'JSONEachRow',
      // Same batch retried → same token → ClickHouse drops the repeat (non_replicated_deduplication_window).
      clickhouse_settings: { insert_deduplication_token: dedupToken, async_insert: 0 },
    });
  }

  /**
   * One indexed lookup per call, by identity only (`event_ids` sorts by table
   * and event id): an event re-sent with another time is still found. The ids
   * travel inline in the query body (they match `EventIdSchema`, and are
   * quoted anyway), not as URL parameters, so a 20,000-row batch is one query.
   */
  async existingEventIds(table: string, rows: Row[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const ids = [...new Set(rows.map((r) => String(r.event_id)))].map(sqlString).join(',');
    const rs = await this.client.query({
      query: `SELECT DISTINCT event_id FROM ${this.database}.event_ids WHERE tbl = ${sqlString(table)} AND event_id IN (${ids})`,
      format: 'JSONEachRow',
      clickhouse_settings: { max_query_size: String(ids.length + 4_096) },
    });
    return new Set((await rs.json<{ event_id: string }>()).map((r) => r.event_id));
  }
}

/** A ClickHouse string literal: backslash and quote escaped. */
function sqlString(s: string): string {
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
