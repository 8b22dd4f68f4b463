import type { ClickHouseClient } from '@clickhouse/client';
import type { ReportWindows } from '../report-calendar.js';
import { IN_CUMULATIVE, IN_PERIOD, IN_PREVIOUS, windowParams } from './windows-sql.js';

const METRICS = ['received', 'received_online', 'processed', 'on_time'] as const;
export type CounterMetric = (typeof METRICS)[number];

export type ProvinceCounterRow = { province_code: string; units_period: number } & {
  [K in `${CounterMetric}_${'p' | 'q' | 'c'}`]: number;
};

/**
 * Dossier counts per province for the period, the previous period and the
 * cumulative range. Counter reports are cumulative for the local day, so each
 * unit's day is its latest report — by interval end, then by arrival — among
 * the reports received at or before the cut-off. Reading the raw table (not
 * the counter_daily rollup) is what makes a report reproducible: a report
 * that arrives after 08:30 can never change the 08:30 numbers.
 */
export async function queryCounterTotals(
  client: ClickHouseClient,
  db: string,
  windows: ReportWindows,
  dataCutoffMs: number,
): Promise<ProvinceCounterRow[]> {
  const latest = METRICS.map((m) => `argMax(${m}, (interval_end, received_at)) AS ${m}`).join(',\n           ');
  const sums = METRICS.flatMap((m) => [
    `sumIf(${m}, ${IN_PERIOD('report_date')}) AS ${m}_p`,
    `sumIf(${m}, ${IN_PREVIOUS('report_date')}) AS ${m}_q`,
    `sumIf(${m}, ${IN_CUMULATIVE('report_date')}) AS ${m}_c`,
  ]).join(',\n         ');
  const rs = await client.query({
    query: `SELECT province_code,
         uniqExactIf(unit_code, ${IN_PERIOD('report_date')}) AS units_period,
         ${sums}
       FROM (
         SELECT province_code, unit_code, report_date,
           ${latest}
         FROM ${db}.counter_reports
         WHERE report_date BETWEEN {lo:Date} AND {p_to:Date}
           AND received_at <= {cutoff:DateTime64(3, 'UTC')}
         GROUP BY province_code, unit_code, report_date)
       GROUP BY province_code
       ORDER BY province_code`,
    query_params: windowParams(windows, dataCutoffMs),
    format: 'JSONEachRow',
  });
  return rs.json<ProvinceCounterRow>();
}
