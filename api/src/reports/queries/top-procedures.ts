import type { ClickHouseClient } from '@clickhouse/client';
import type { ReportWindows } from '../report-calendar.js';
import { IN_CUMULATIVE, IN_PERIOD, IN_PREVIOUS, windowParams } from './windows-sql.js';

export interface ProvinceProcedureRow {
  province_code: string;
  code: string;
  period: number;
  previous: number;
  cumulative: number;
}

/**
 * Dossiers per key procedure and province. `top_procedures` is cumulative for
 * the day like the other counts, so only each unit's latest report of a day
 * (received by the cut-off) is expanded.
 */
export async function queryTopProcedures(
  client: ClickHouseClient,
  db: string,
  windows: ReportWindows,
  dataCutoffMs: number,
): Promise<ProvinceProcedureRow[]> {
  const rs = await client.query({
    query: `SELECT province_code, p.code AS code,
         sumIf(p.received, ${IN_PERIOD('report_date')}) AS period,
         sumIf(p.received, ${IN_PREVIOUS('report_date')}) AS previous,
         sumIf(p.received, ${IN_CUMULATIVE('report_date')}) AS cumulative
       FROM (
         SELECT province_code, unit_code, report_date,
           argMax(top_procedures, (interval_end, received_at)) AS procedures
         FROM ${db}.counter_reports
         WHERE report_date BETWEEN {lo:Date} AND {p_to:Date}
           AND received_at <= {cutoff:DateTime64(3, 'UTC')}
         GROUP BY province_code, unit_code, report_date)
       ARRAY JOIN procedures AS p
       GROUP BY province_code, code
       ORDER BY province_code, code`,
    query_params: windowParams(windows, dataCutoffMs),
    format: 'JSONEachRow',
  });
  return rs.json<ProvinceProcedureRow>();
}
