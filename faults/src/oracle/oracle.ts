import type { ClickHouseClient } from '@clickhouse/client';
import type { AckLog } from '../load/ack-log.js';
import { FAULT_TABLES, PRODUCT_DB, type FaultTable } from './tables.js';

export interface TableVerdict {
  table: FaultTable;
  sent: number;
  acknowledged: number;
  /** `count()` of this run's rows in the raw table. */
  stored: number;
  /** `uniqExact(event_id)` of this run's rows in the raw table. */
  distinct: number;
  /** Event ids stored more than once (merges are frozen during a run, so none can hide). */
  duplicates: number;
  /** Acknowledged but not stored: loss. First few ids. */
  missing: string[];
  missingCount: number;
  /** Stored but never acknowledged (the client gave up on an answer it never got): allowed, reported. */
  storedUnacknowledged: number;
  /** Stored but never sent by this run: impossible unless ids leak between runs. */
  foreign: number;
}

export interface OracleVerdict {
  ok: boolean;
  tables: TableVerdict[];
}

async function countsById(store: ClickHouseClient, from: string, prefix: string): Promise<Map<string, number>> {
  const rs = await store.query({
    query: `SELECT event_id, count() AS n FROM ${from} WHERE startsWith(event_id, {prefix:String}) GROUP BY event_id`,
    query_params: { prefix },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<{ event_id: string; n: number | string }>();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

async function verdictFor(store: ClickHouseClient, log: AckLog, table: FaultTable, prefix: string) {
  const stored = await countsById(store, `${PRODUCT_DB}.${table}`, prefix);
  const acked = log.ackedIds(table);
  const sent = log.sentIds(table);
  const missing = [...acked].filter((id) => !stored.has(id));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const verdict: TableVerdict = {
    table,
    sent: sent.size,
    acknowledged: acked.size,
    stored: sum(stored),
    distinct: stored.size,
    duplicates: [...stored.values()].filter((n) => n > 1).length,
    missing: missing.slice(0, 10),
    missingCount: missing.length,
    storedUnacknowledged: [...stored.keys()].filter((id) => !acked.has(id) && sent.has(id)).length,
    foreign: [...stored.keys()].filter((id) => !sent.has(id)).length,
  };
  return verdict;
}

/**
 * The common oracle (anchors §C6): after quiescence the store holds every
 * acknowledged event exactly once — `count()` = `uniqExact(event_id)` ⊇ the
 * acknowledged set, nothing stored twice, nothing foreign.
 */
export async function checkOracle(store: ClickHouseClient, log: AckLog, runId: string): Promise<OracleVerdict> {
  const tables: TableVerdict[] = [];
  for (const table of FAULT_TABLES) tables.push(await verdictFor(store, log, table, `${runId}-`));
  const ok = tables.every(
    (t) =>
      t.missingCount === 0 &&
      t.duplicates === 0 &&
      t.stored === t.distinct &&
      t.foreign === 0 &&
      t.distinct === t.acknowledged + t.storedUnacknowledged,
  );
  return { ok, tables };
}

/** The verdict in words, one line per broken promise (empty = the oracle holds). */
export function oracleProblems(verdict: OracleVerdict): string[] {
  return verdict.tables.flatMap((t) => [
    ...(t.missingCount > 0 ? [`${t.table}: ${t.missingCount} acknowledged events lost, e.g. ${t.missing[0]}`] : []),
    ...(t.duplicates > 0
      ? [`${t.table}: ${t.duplicates} events stored twice (${t.stored} rows, ${t.distinct} ids)`]
      : []),
    ...(t.foreign > 0 ? [`${t.table}: ${t.foreign} stored events were never sent`] : []),
    ...(t.distinct !== t.acknowledged + t.storedUnacknowledged
      ? [`${t.table}: ${t.distinct} ids stored for ${t.acknowledged} acknowledged`]
      : []),
  ]);
}
