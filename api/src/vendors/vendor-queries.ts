import type { ClickHouseClient } from '@clickhouse/client';
import { VN_TIME_ZONE } from '@kh02/schemas';
import type { ReportArrival } from './report-timeliness.js';

const chInstant = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
/** A DateTime64 as the engine prints it ("2026-12-04 20:18:34.239", or ISO with or without "Z") → ms. */
const toMs = (chTime: string) => {
  const s = chTime.includes('T') ? chTime : chTime.replace(' ', 'T');
  return Date.parse(s.endsWith('Z') ? s : `${s}Z`);
};

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

/** Every system's daily reports for days in [fromDate, toDate], with the first arrival (received by `now`). */
export async function reportArrivals(
  client: ClickHouseClient,
  db: string,
  fromDate: string,
  toDate: string,
  nowMs: number,
): Promise<(ReportArrival & { vendor: string })[]> {
  const found = await rows<{ vendor: string; system_id: string; day: string; first_received_at: string }>(
    client,
    `SELECT vendor, system_id, toString(report_date) AS day, min(received_at) AS first_received_at
     FROM ${db}.health_reports
     WHERE report_date >= {from:Date} AND report_date <= {to:Date} AND received_at <= {now:DateTime64(3, 'UTC')}
     GROUP BY vendor, system_id, report_date`,
    { from: fromDate, to: toDate, now: chInstant(nowMs) },
  );
  return found
    .map((r) => ({
      vendor: r.vendor,
      system_id: r.system_id,
      report_date: r.day,
      first_received_ms: toMs(r.first_received_at),
    }))
    .filter((r) => Number.isFinite(r.first_received_ms));
}

/**
 * Per vendor: its first local day with any data since `fromDate` (a sample or a daily report),
 * so a vendor connected yesterday is not held to the days before.
 */
export async function firstSeenDates(
  client: ClickHouseClient,
  db: string,
  fromDate: string,
  nowMs: number,
): Promise<Map<string, string>> {
  const found = await rows<{ vendor: string; first_day: string }>(
    client,
    `SELECT vendor, toString(min(day)) AS first_day FROM (
       SELECT vendor, min(report_date) AS day FROM ${db}.health_reports
       WHERE report_date >= {from:Date} AND received_at <= {now:DateTime64(3, 'UTC')} GROUP BY vendor
       UNION ALL
       SELECT vendor, min(toDate(observed_at, '${VN_TIME_ZONE}')) AS day FROM ${db}.health_samples
       WHERE observed_at >= toDateTime64({from:Date}, 3, 'UTC') - INTERVAL 7 HOUR
         AND received_at <= {now:DateTime64(3, 'UTC')} GROUP BY vendor
     ) GROUP BY vendor`,
    { from: fromDate, now: chInstant(nowMs) },
  );
  return new Map(found.map((r) => [r.vendor, r.first_day]));
}
