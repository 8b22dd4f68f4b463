import type { ClickHouseClient } from '@clickhouse/client';
import type { Row } from './rows.js';

/** What the writer needs from ClickHouse; small so tests can also drive failures through a real client. */
export interface BatchStore {
  insert(table: string, rows: Row[], dedupToken: string): Promise<void>;
  /** Which of these event ids are already stored (used only for redelivered messages). */
  existingEventIds(table: string, unitCodes: string[], eventIds: string[]): Promise<Set<string>>;
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

  async existingEventIds(table: string, unitCodes: string[], eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rs = await this.client.query({
      query: `SELECT DISTINCT event_id FROM ${this.database}.${table}
              WHERE unit_code IN {units:Array(String)} AND event_id IN {ids:Array(String)}`,
      query_params: { units: unitCodes, ids: eventIds },
      format: 'JSONEachRow',
    });
    const rows = await rs.json<{ event_id: string }>();
    return new Set(rows.map((r) => r.event_id));
  }
}
