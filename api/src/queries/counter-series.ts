import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, vnLocalDate, vnMidnight, type Timeseries, type TimeseriesMetric } from '@kh02/schemas';

interface HourRow {
  unit_code: string;
  report_date: string;
  hour: string;
  received: number;
  received_online: number;
  processed: number;
  on_time: number;
}

interface Totals {
  received: number;
  received_online: number;
  processed: number;
  on_time: number;
}

export function metricOf(metric: TimeseriesMetric, t: Totals | undefined): number | null {
  if (!t) return null;
  if (metric === 'received') return t.received;
  if (metric === 'online_rate') return t.received > 0 ? t.received_online / t.received : null;
  if (metric === 'on_time_rate') return t.processed > 0 ? t.on_time / t.processed : null;
  return null;
}

/** Province totals per local hour of a day, each unit carried forward from its last report. */
function hourlyTotals(rows: HourRow[], date: string): (Totals | undefined)[] {
  const byUnit = new Map<string, (HourRow | undefined)[]>();
  for (const r of rows) {
    if (r.report_date !== date) continue;
    const localHour = new Date(
      Date.parse(`${r.hour.replace(' ', 'T').replace(/Z?$/, 'Z')}`) + 7 * 3_600_000,
    ).getUTCHours();
    const hours = byUnit.get(r.unit_code) ?? Array.from({ length: 24 }, () => undefined);
    hours[localHour] = r;
    byUnit.set(r.unit_code, hours);
  }
  return Array.from({ length: 24 }, (_, h) => {
    if (byUnit.size === 0) return undefined;
    const total: Totals = { received: 0, received_online: 0, processed: 0, on_time: 0 };
    let any = false;
    for (const hours of byUnit.values()) {
      let p: HourRow | undefined;
      for (let k = h; k >= 0 && !p; k--) p = hours[k];
      if (!p) continue;
      any = true;
      total.received += p.received;
      total.received_online += p.received_online;
      total.processed += p.processed;
      total.on_time += p.on_time;
    }
    return any ? total : undefined;
  });
}

/** Today by local hour with the same hours yesterday, for a province (or one commune-level unit). */
export async function counterSeries24h(
  client: ClickHouseClient,
  db: string,
  filter: { province?: string; unit?: string },
  metric: TimeseriesMetric,
  now: number,
): Promise<Omit<Timeseries, 'code' | 'target'>> {
  const today = vnLocalDate(now);
  const yesterday = addDays(today, -1);
  const rs = await client.query({
    query: `SELECT unit_code, report_date, hour,
              argMaxMerge(received) AS received, argMaxMerge(received_online) AS received_online,
              argMaxMerge(processed) AS processed, argMaxMerge(on_time) AS on_time
            FROM ${db}.counter_hourly
            WHERE report_date IN ({d1:Date}, {d2:Date}) AND ${filter.unit ? 'unit_code = {unit:String}' : 'province_code = {province:String}'}
            GROUP BY unit_code, report_date, hour`,
    query_params: { d1: today, d2: yesterday, province: filter.province ?? '', unit: filter.unit ?? '' },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<HourRow>();
  const todayTotals = hourlyTotals(rows, today);
  const yesterdayTotals = hourlyTotals(rows, yesterday);
  const currentHour = new Date(now + 7 * 3_600_000).getUTCHours();
  const hourStart = (date: string, h: number) => new Date(vnMidnight(date) + h * 3_600_000).toISOString();
  return {
    metric,
    range: '24h',
    step_s: 3600,
    points: Array.from({ length: currentHour + 1 }, (_, h) => ({
      t: hourStart(today, h),
      value: metricOf(metric, todayTotals[h]),
    })),
    previous: Array.from({ length: currentHour + 1 }, (_, h) => ({
      t: hourStart(today, h),
      value: metricOf(metric, yesterdayTotals[h]),
    })),
  };
}

/** One point per local day (the day's final cumulative counts). */
export async function counterSeriesDaily(
  client: ClickHouseClient,
  db: string,
  filter: { province?: string; unit?: string },
  metric: TimeseriesMetric,
  days: number,
  now: number,
): Promise<Omit<Timeseries, 'code' | 'target'>> {
  const today = vnLocalDate(now);
  const from = addDays(today, -(days - 1));
  const rs = await client.query({
    query: `SELECT report_date, sum(r) AS received, sum(o) AS received_online, sum(p) AS processed, sum(t) AS on_time FROM (
              SELECT report_date, unit_code, argMaxMerge(received) AS r, argMaxMerge(received_online) AS o,
                     argMaxMerge(processed) AS p, argMaxMerge(on_time) AS t
              FROM ${db}.counter_daily
              WHERE report_date >= {from:Date} AND ${filter.unit ? 'unit_code = {unit:String}' : 'province_code = {province:String}'}
              GROUP BY report_date, unit_code)
            GROUP BY report_date ORDER BY report_date`,
    query_params: { from, province: filter.province ?? '', unit: filter.unit ?? '' },
    format: 'JSONEachRow',
  });
  const byDate = new Map((await rs.json<Totals & { report_date: string }>()).map((r) => [r.report_date, r]));
  return {
    metric,
    range: days === 7 ? '7d' : '30d',
    step_s: 86_400,
    points: Array.from({ length: days }, (_, i) => {
      const d = addDays(from, i);
      return { t: new Date(vnMidnight(d)).toISOString(), value: metricOf(metric, byDate.get(d)) };
    }),
    previous: null,
  };
}
