import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, vnLocalDate } from '@kh02/schemas';

/** How far back the panel looks; anything older shows as silent with no time. */
export const LOOKBACK_DAYS = 7;

export interface SampleLastRow {
  system_id: string;
  last_observed_at: string;
  last_received_at: string;
}

export interface DailyReportRow {
  system_id: string;
  first_received_at: string;
}

export interface CounterLastRow {
  unit_code: string;
  last_interval_end: string;
  last_received_at: string;
}

const chInstant = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

/** Per system: the newest sample received up to now (by arrival: that is what "last heard from" means). */
export function lastSamples(client: ClickHouseClient, db: string, nowMs: number): Promise<SampleLastRow[]> {
  return rows(
    client,
    `SELECT system_id, argMax(observed_at, received_at) AS last_observed_at, max(received_at) AS last_received_at
     FROM ${db}.health_samples
     WHERE observed_at >= {since:DateTime64(3, 'UTC')} AND received_at <= {now:DateTime64(3, 'UTC')}
     GROUP BY system_id`,
    { since: chInstant(nowMs - LOOKBACK_DAYS * 86_400_000), now: chInstant(nowMs) },
  );
}

/** Per system: when yesterday's daily health report first arrived. */
export function dailyReportsFor(client: ClickHouseClient, db: string, nowMs: number): Promise<DailyReportRow[]> {
  return rows(
    client,
    `SELECT system_id, min(received_at) AS first_received_at
     FROM ${db}.health_reports
     WHERE report_date = {day:Date} AND received_at <= {now:DateTime64(3, 'UTC')}
     GROUP BY system_id`,
    { day: addDays(vnLocalDate(nowMs), -1), now: chInstant(nowMs) },
  );
}

/** Per commune-level unit: its newest counter report. */
export function lastCounters(client: ClickHouseClient, db: string, nowMs: number): Promise<CounterLastRow[]> {
  return rows(
    client,
    `SELECT unit_code, max(interval_end) AS last_interval_end, max(received_at) AS last_received_at
     FROM ${db}.counter_reports
     WHERE report_date >= {since:Date} AND received_at <= {now:DateTime64(3, 'UTC')}
     GROUP BY unit_code`,
    { since: addDays(vnLocalDate(nowMs), -LOOKBACK_DAYS), now: chInstant(nowMs) },
  );
}
