import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, vnLocalDate } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';

/*
 * Three days of realistic rows, in the exact shapes the writer stores
 * (ingest/src/writer/rows.ts, workflow-rows.ts), for the panel tests. The
 * dashboards are viewed from D1 00:00 to D3 18:00, Vietnam time, where D1 is
 * a week before today: the days move with the clock because the rollups
 * expire old rows (health_minute keeps 90 days), and a fixed date would
 * silently empty them one day. Every expected value in panels.int.test.ts is
 * worked out from these rows.
 */

const registry = defaultRegistry();
const HOUR = 3_600_000;
const MIN = 60_000;

/** Vietnam local time → ISO instant. */
export const vn = (date: string, hh: number, mm = 0, ss = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hh - 7) * HOUR + mm * MIN + ss * 1000).toISOString();

const D1 = addDays(vnLocalDate(Date.now()), -7);
/** D0 is the day before the range; D1–D3 are its three days. */
export const DAY = { d0: addDays(D1, -1), d1: D1, d2: addDays(D1, 1), d3: addDays(D1, 2) };

export const RANGE = { fromMs: Date.parse(vn(DAY.d1, 0)), toMs: Date.parse(vn(DAY.d3, 18)), intervalS: 3600 };

let seq = 0;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function sample(systemId: string, observedAt: string, uptime: number, lagS: number) {
  const s = registry.system(systemId);
  if (!s) throw new Error(`unknown system ${systemId}`);
  return {
    event_id: `hs-${++seq}`,
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    observed_at: observedAt,
    uptime_pct: uptime,
    cpu_pct: 35,
    ram_pct: 55,
    net_in_bps: 2e7,
    net_out_bps: 1e7,
    response_ms: 180,
    alerts: [],
    key_id: `vendor-${s.vendorCode.toLowerCase()}`,
    received_at: plus(observedAt, lagS * 1000),
    bus_seq: seq,
  };
}

/** Samples every 5 minutes from one local time to another (inclusive). */
function every5(
  systemId: string,
  date: string,
  from: [number, number],
  to: [number, number],
  uptime: number,
  lagS: number,
) {
  const out = [];
  for (let t = Date.parse(vn(date, ...from)); t <= Date.parse(vn(date, ...to)); t += 5 * MIN) {
    out.push(sample(systemId, new Date(t).toISOString(), uptime, lagS));
  }
  return out;
}

function dailyReport(systemId: string, reportDate: string, receivedAt: string) {
  const s = registry.system(systemId);
  if (!s) throw new Error(`unknown system ${systemId}`);
  return {
    event_id: `hr-${++seq}`,
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    report_date: reportDate,
    uptime_pct: 99.9,
    peak_cpu_pct: 80,
    peak_ram_pct: 70,
    peak_net_in_bps: 1e8,
    peak_net_out_bps: 5e7,
    peaks: [],
    alerts: [],
    key_id: `vendor-${s.vendorCode.toLowerCase()}`,
    received_at: receivedAt,
    bus_seq: seq,
  };
}

function counter(unit: string, date: string, end: string, receivedAt: string, c: [number, number, number, number]) {
  const [received, online, processed, onTime] = c;
  return {
    event_id: `cr-${++seq}`,
    province_code: registry.provinceOf(unit) ?? '',
    unit_code: unit,
    interval_end: end,
    report_date: date,
    received,
    received_online: online,
    processed,
    on_time: onTime,
    late: processed - onTime,
    top_procedures: [],
    key_id: `counter-p${registry.provinceOf(unit) ?? ''}`,
    received_at: receivedAt,
    bus_seq: seq,
  };
}

function ticket(id: string, type: string, at: string, unit: string, priority: string) {
  return {
    seq: ++seq,
    event_id: `te-${seq}`,
    entity: 'ticket',
    entity_id: id,
    event_type: type,
    at,
    actor_id: 'u-1',
    actor_role: 'monitoring',
    actor_name: 'Trực ban',
    unit_code: unit,
    issue_type: 1,
    priority,
    before: '{}',
    after: '{}',
    data: '{}',
  };
}

const hanoiUnits = registry.communesOf('01', { includeCentre: true }).map((c) => c.code);

export const SEED = {
  health_samples: [
    // VNPT: p01.tthc every 5 min 08:00–10:55 on D3 (36 samples, 2 s late each); p01.sso near 18:00.
    ...every5('p01.tthc', DAY.d3, [8, 0], [10, 55], 99.9, 2),
    ...[vn(DAY.d3, 17, 0), vn(DAY.d3, 17, 30), vn(DAY.d3, 17, 57)].map((t) => sample('p01.sso', t, 99.9, 2)),
    // CMC: p01.qlvb every 5 min 08:00–08:55 on D3, 4 s late each.
    ...every5('p01.qlvb', DAY.d3, [8, 0], [8, 55], 99.5, 4),
    // FPT on D2: p79.tthc down (uptime 20 %) 08:00–10:30, healthy at 10:35 — a 151-minute outage;
    // p79.lgsp down 09:00–09:30 only (31 minutes).
    ...every5('p79.tthc', DAY.d2, [8, 0], [10, 30], 20, 2),
    sample('p79.tthc', vn(DAY.d2, 10, 35), 99.9, 2),
    ...every5('p79.lgsp', DAY.d2, [9, 0], [9, 30], 50, 2),
    sample('p79.lgsp', vn(DAY.d2, 9, 35), 99.9, 2),
  ],
  health_reports: [
    dailyReport('p01.tthc', DAY.d0, vn(DAY.d1, 7, 10)),
    dailyReport('p01.tthc', DAY.d1, vn(DAY.d2, 7, 10)),
    dailyReport('p01.tthc', DAY.d2, vn(DAY.d3, 7, 0)),
    dailyReport('p01.lgsp', DAY.d2, vn(DAY.d3, 7, 50)),
    dailyReport('p01.sso', DAY.d2, vn(DAY.d3, 9, 0)),
    dailyReport('p01.qlvb', DAY.d2, vn(DAY.d3, 7, 30)),
  ],
  counter_reports: [
    // D2: every Hà Nội unit reports 10 received, 8 online, 8 processed, 8 on time;
    // 120 of the 127 by 16:52, the last 7 only at 17:40.
    ...hanoiUnits.map((u, i) =>
      i < 120
        ? counter(u, DAY.d2, vn(DAY.d2, 16, 50), vn(DAY.d2, 16, 52), [10, 8, 8, 8])
        : counter(u, DAY.d2, vn(DAY.d2, 17, 35), vn(DAY.d2, 17, 40), [10, 8, 8, 8]),
    ),
    // D3: 01001 at 10:00 then 16:00 (final 100/85/90/89); 01002 only at 17:20 (50/45/40/40);
    // HCMC 79001 at 09:00 (200/150/100/100).
    counter('01001', DAY.d3, vn(DAY.d3, 10), vn(DAY.d3, 10, 1), [40, 30, 20, 20]),
    counter('01001', DAY.d3, vn(DAY.d3, 16), vn(DAY.d3, 16, 1), [100, 85, 90, 89]),
    counter('01002', DAY.d3, vn(DAY.d3, 17, 20), vn(DAY.d3, 17, 21), [50, 45, 40, 40]),
    counter('79001', DAY.d3, vn(DAY.d3, 9), vn(DAY.d3, 9, 1), [200, 150, 100, 100]),
  ],
  audit_log: [
    // TA (P1): acknowledged after 30 min (> 15), fixed after 60 (≤ 120) → response breached.
    ticket('TA', 'created', vn(DAY.d3, 8), '01', 'P1'),
    ticket('TA', 'acknowledged', vn(DAY.d3, 8, 30), '01', 'P1'),
    ticket('TA', 'done_reported', vn(DAY.d3, 9), '01', 'P1'),
    // TB (P2): acknowledged after 10 min, still not fixed at 18:00 (540 min > 240) → fix breached.
    ticket('TB', 'created', vn(DAY.d3, 9), '79001', 'P2'),
    ticket('TB', 'acknowledged', vn(DAY.d3, 9, 10), '79001', 'P2'),
    // TC (P1): within both budgets.
    ticket('TC', 'created', vn(DAY.d3, 10), '01', 'P1'),
    ticket('TC', 'acknowledged', vn(DAY.d3, 10, 5), '01', 'P1'),
    ticket('TC', 'done_reported', vn(DAY.d3, 11), '01', 'P1'),
    // TD (P1): cancelled as a duplicate.
    ticket('TD', 'created', vn(DAY.d3, 12), '01', 'P1'),
    ticket('TD', 'cancelled', vn(DAY.d3, 12, 10), '01', 'P1'),
    // TE (P3): working-hours budgets, not on this panel.
    ticket('TE', 'created', vn(DAY.d3, 8), '01', 'P3'),
    // TF (P1): created before the range.
    ticket('TF', 'created', vn(DAY.d0, 8), '01', 'P1'),
    // TG: opened as P3, raised to P1 five minutes later, never acknowledged → both breached.
    ticket('TG', 'created', vn(DAY.d3, 13), '01002', 'P3'),
    ticket('TG', 'assigned', vn(DAY.d3, 13, 5), '01002', 'P1'),
  ],
};

export async function seed(client: ClickHouseClient): Promise<void> {
  const tables: Record<string, ReadonlyArray<Record<string, unknown>>> = SEED;
  for (const [table, rows] of Object.entries(tables)) {
    await client.insert({ table: `kh02.${table}`, values: [...rows], format: 'JSONEachRow' });
  }
}
