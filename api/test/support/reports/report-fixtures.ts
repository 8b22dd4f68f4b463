import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, vnLocalDate } from '@kh02/schemas';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { migrate, openClickHouse } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import { pino } from 'pino';

/*
 * Raw ClickHouse rows for report tests, shaped exactly as the writer stores
 * them (ingest/src/writer/rows.ts, workflow-rows.ts) and inserted through the
 * real migrations, so the materialized views and the report queries see what
 * production sees.
 */

export const silentLogger = pino({ level: 'silent' });
export const DB = 'kh02';

/** The real engine in a temp dir, migrated (one per test file: chDB allows one engine per process). */
export async function openMigratedStore(): Promise<{ client: ClickHouseClient; close: () => Promise<void> }> {
  const dir = await makeTempDir('reports');
  const { client } = await openClickHouse({ embeddedPath: dir.path });
  await migrate(client, DB, CLICKHOUSE_MIGRATIONS_DIR);
  return {
    client,
    close: async () => {
      await client.close();
      await dir.remove();
    },
  };
}

const HOUR = 3_600_000;

/**
 * A Wednesday three to four weeks before today. Test data is dated relative
 * to it, not on a fixed day: ClickHouse TTLs drop old rows (health samples
 * after 400 days, status changes after 2 years), so fixed dates would one day
 * leave the tables silently empty.
 */
export function wednesdayWeeksAgo(): string {
  let d = addDays(vnLocalDate(Date.now()), -21);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 3) d = addDays(d, -1);
  return d;
}
let seq = 0;

/** An instant given as Vietnam local time, e.g. local('2026-07-14', 16, 30). */
export function local(date: string, hour: number, minute = 0): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 7 * HOUR + hour * HOUR + minute * 60_000).toISOString();
}

export interface CounterInput {
  province: string;
  unit: string;
  /** Local date and hour the counts are cumulative up to. */
  date: string;
  hour: number;
  received: number;
  online: number;
  processed: number;
  onTime: number;
  procedures?: Array<[string, number]>;
  /** When ingest accepted it (default: 2 minutes after interval_end). */
  receivedAt?: string;
  eventId?: string;
}

export function counterRow(c: CounterInput): Record<string, unknown> {
  const end = local(c.date, c.hour);
  return {
    event_id: c.eventId ?? `cr-${c.unit}-${c.date}-${c.hour}-${++seq}`,
    province_code: c.province,
    unit_code: c.unit,
    interval_end: end,
    report_date: c.date,
    received: c.received,
    received_online: c.online,
    processed: c.processed,
    on_time: c.onTime,
    late: c.processed - c.onTime,
    top_procedures: (c.procedures ?? []).map(([code, received]) => ({ code, received })),
    key_id: `counter-p${c.province}`,
    received_at: c.receivedAt ?? new Date(Date.parse(end) + 120_000).toISOString(),
    bus_seq: seq,
  };
}

export interface TicketEventInput {
  ticket: string;
  type: 'created' | 'assigned' | 'closed' | 'cancelled' | 'done_reported';
  at: string;
  unit: string;
  issueType: 1 | 2 | 3 | 4;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
}

export function ticketEventRow(t: TicketEventInput): Record<string, unknown> {
  return {
    seq: ++seq,
    event_id: `te-${seq}`,
    entity: 'ticket',
    entity_id: t.ticket,
    event_type: t.type,
    at: t.at,
    actor_id: 'u-cc-1',
    actor_role: 'monitoring',
    actor_name: 'Trực ban',
    unit_code: t.unit,
    issue_type: t.issueType,
    priority: t.priority ?? 'P2',
    before: '{}',
    after: JSON.stringify({ status: t.type === 'created' ? 'created' : t.type }),
    data: '{}',
  };
}

export function statusChangeRow(code: string, at: string, from: string, to: string, reasonsVi: string[] = []) {
  const reasons = reasonsVi.map((vi, i) => ({
    indicator: i === 0 ? 'online_rate' : 'uptime',
    status: to === 'green' ? 'yellow' : to,
    value: null,
    threshold: null,
    comparator: null,
    unit: null,
    since: at,
    message: { vi, en: vi },
  }));
  return { at, code, from_status: from, to_status: to, reasons: JSON.stringify(reasons) };
}

export async function insertRows(client: ClickHouseClient, table: string, rows: Record<string, unknown>[], db = DB) {
  if (rows.length > 0) await client.insert({ table: `${db}.${table}`, values: rows, format: 'JSONEachRow' });
}
