import type { ClickHouseClient } from '@clickhouse/client';
import type { Reason, Replay, UnitStatus } from '@kh02/schemas';
import { isoOf } from './history-store.js';

interface Row {
  at: string;
  code: string;
  from_status: UnitStatus;
  to_status: UnitStatus;
  reasons: string;
}

const chInstant = (ms: number) => new Date(ms).toISOString().replace('Z', '');

/**
 * The stored colour history of the wall's units between two instants: each
 * unit's last stored row at or before `from` (its state then; a baseline row
 * counts) and the real changes after `from` up to `to`, oldest first.
 */
export async function queryReplay(
  client: ClickHouseClient,
  db: string,
  fromMs: number,
  toMs: number,
  codes: readonly string[],
): Promise<Replay> {
  const params = { from: chInstant(fromMs), to: chInstant(toMs), codes };
  const before = await client.query({
    query: `SELECT code, argMax(to_status, at) AS status, max(at) AS since, argMax(reasons, at) AS last_reasons
            FROM ${db}.status_changes FINAL
            WHERE at <= {from:DateTime64(3, 'UTC')} AND code IN {codes:Array(String)}
            GROUP BY code ORDER BY code`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const after = await client.query({
    query: `SELECT at, code, from_status, to_status, reasons FROM ${db}.status_changes FINAL
            WHERE at > {from:DateTime64(3, 'UTC')} AND at <= {to:DateTime64(3, 'UTC')}
              AND code IN {codes:Array(String)} AND from_status != to_status
            ORDER BY at, code`,
    query_params: params,
    format: 'JSONEachRow',
  });
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    units: (await before.json<{ code: string; status: UnitStatus; since: string; last_reasons: string }>()).map(
      (r) => ({
        code: r.code,
        status: r.status,
        since: isoOf(r.since),
        reasons: JSON.parse(r.last_reasons) as Reason[],
      }),
    ),
    changes: (await after.json<Row>()).map((r) => ({
      at: isoOf(r.at),
      code: r.code,
      from: r.from_status,
      to: r.to_status,
      reasons: JSON.parse(r.reasons) as Reason[],
    })),
  };
}
