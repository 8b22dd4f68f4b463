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

  /** Query parameters travel in the URL, so big batches are looked up in slices that fit in it. */
  async existingEventIds(table: string, rows: Row[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < rows.length; i += LOOKUP_SLICE) {
      for (const id of await this.lookup(table, rows.slice(i, i + LOOKUP_SLICE))) found.add(id);
    }
    return found;
  }

  /**
   * Looks the ids up within the rows' own units and time span, so the primary
   * key (unit, …, time) prunes the table to a few granules however big it grows.
   */
  private async lookup(table: string, rows: Row[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const units = [...new Set(rows.map((r) => String(r.unit_code)))];
    const ids = rows.map((r) => String(r.event_id));
    const time = TIME_COLUMNS[table];
    let span = '';
    const params: Record<string, unknown> = { units, ids };
    if (time) {
      const values = rows.map((r) => String(r[time.column]));
      if (time.type === 'Date') {
        params.from = values.reduce((a, b) => (a < b ? a : b));
        params.to = values.reduce((a, b) => (a > b ? a : b));
      } else {
        const ms = values.map((v) => Date.parse(v));
        params.from = chTime(Math.min(...ms));
        params.to = chTime(Math.max(...ms));
      }
      span = ` AND ${time.column} BETWEEN {from:${time.type}} AND {to:${time.type}}`;
      // A row whose time cannot even be read will be rejected by the insert (and dead-lettered);
      // look it up without the time bound rather than fail here.
      if (params.from === undefined || params.to === undefined) span = '';
    }
    const rs = await this.client.query({
      query: `SELECT DISTINCT event_id FROM ${this.database}.${table}
              WHERE unit_code IN {units:Array(String)}${span} AND event_id IN {ids:Array(String)}`,
      query_params: params,
      format: 'JSONEachRow',
    });
    const found = await rs.json<{ event_id: string }>();
    return found.map((r) => r.event_id);
  }
}

/** ~1,000 ids of ≤ 64 characters stay well under the 1 MiB URL limit of ClickHouse's HTTP interface. */
const LOOKUP_SLICE = 1_000;

/** The event-time column of each raw table (in its sorting key after the unit). */
const TIME_COLUMNS: Record<string, { column: string; type: string }> = {
  health_samples: { column: 'observed_at', type: "DateTime64(3, 'UTC')" },
  counter_reports: { column: 'interval_end', type: "DateTime64(3, 'UTC')" },
  incident_reports: { column: 'at', type: "DateTime64(3, 'UTC')" },
  health_reports: { column: 'report_date', type: 'Date' },
};

const chTime = (ms: number) =>
  Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : undefined;
