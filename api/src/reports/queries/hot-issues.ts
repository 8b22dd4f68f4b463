import type { ClickHouseClient } from '@clickhouse/client';
import { chInstant } from './windows-sql.js';

export interface RedUnitRow {
  code: string;
  /** ISO instant of the change that made it red. */
  since: string;
  /** The Reason[] JSON stored with that change. */
  reasons: string;
}

/** Units and systems whose latest colour at the cut-off is red, with the reasons recorded at that change. */
export async function queryRedUnits(client: ClickHouseClient, db: string, dataCutoffMs: number): Promise<RedUnitRow[]> {
  const rs = await client.query({
    query: `SELECT code, since, reasons FROM (
         SELECT code, argMax(to_status, at) AS status, max(at) AS since, argMax(reasons, at) AS reasons
         FROM ${db}.status_changes
         WHERE at <= {cutoff:DateTime64(3, 'UTC')}
         GROUP BY code)
       WHERE status = 'red'
       ORDER BY since, code`,
    query_params: { cutoff: chInstant(dataCutoffMs) },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<RedUnitRow>();
  return rows.map((r) => ({ ...r, since: toIso(r.since) }));
}

function toIso(chTime: string): string {
  const s = chTime.includes('T') ? chTime : chTime.replace(' ', 'T');
  return new Date(Date.parse(s.endsWith('Z') ? s : `${s}Z`)).toISOString();
}
