import type { ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { defaultRegistry } from '@kh02/schemas/registry';
import { migrate, openClickHouse } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Panel } from '../src/grafana-model.js';
import { DAY, RANGE, seed, vn } from './grafana-seed.js';
import { loadDashboards, runPanel, type Row } from './panel-runner.js';

/*
 * Every panel of every provisioned dashboard, run against the real ClickHouse
 * engine (chDB) over the real migrations and realistic rows, as a read-only
 * session, with the expected values worked out by hand from grafana-seed.ts.
 */

const registry = defaultRegistry();
let client: ClickHouseClient;
let dir: { path: string; remove: () => Promise<void> };
let dashboards: Dashboard[];
const results = new Map<string, Row[]>();

beforeAll(async () => {
  dir = await makeTempDir('grafana');
  client = (await openClickHouse({ embeddedPath: dir.path })).client;
  await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
  await seed(client);
  dashboards = await loadDashboards();
  for (const d of dashboards)
    for (const p of d.panels) results.set(`${d.uid}#${p.id}`, await runPanel(client, p, RANGE));
});
afterAll(async () => {
  await client.close();
  await dir.remove();
});

const rows = (key: string): Row[] => {
  const r = results.get(key);
  if (!r) throw new Error(`no panel ${key}`);
  return r;
};
const iso = (v: unknown) => new Date(Date.parse(String(v))).toISOString();
const byKey = (list: Row[], key: string) => new Map(list.map((r) => [String(r[key]), r]));

/** Expectations per panel; a panel without one fails the coverage test below. */
const EXPECTATIONS: Record<string, () => void> = {
  'kh02-ingest#1': () => {
    // Hourly buckets: 12 VNPT samples per hour (one every 5 min) = 0.2 per minute; 3 near 18:00 = 0.05.
    const r = rows('kh02-ingest#1').map((x) => [iso(x.time), x.vendor, x.per_minute]);
    expect(r).toContainEqual([iso(vn(DAY.d3, 8)), 'VNPT', 0.2]);
    expect(r).toContainEqual([iso(vn(DAY.d3, 8)), 'CMC', 0.2]);
    expect(r).toContainEqual([iso(vn(DAY.d3, 17)), 'VNPT', 0.05]);
    // FPT on D2: 08:xx 12 samples, 09:xx 12 + 8 (p79.lgsp) = 20, 10:xx 8.
    expect(r).toContainEqual([iso(vn(DAY.d2, 9)), 'FPT', 20 / 60]);
    expect(r).toHaveLength(8);
  },
  'kh02-ingest#2': () => {
    const r = rows('kh02-ingest#2').map((x) => [iso(x.time), x.kind, x.per_minute]);
    // 120 counter reports arrived at 16:52 on D2, 7 at 17:40.
    expect(r).toContainEqual([iso(vn(DAY.d2, 16)), 'Số liệu một cửa', 2]);
    expect(r).toContainEqual([iso(vn(DAY.d2, 17)), 'Số liệu một cửa', 7 / 60]);
    expect(r).toContainEqual([iso(vn(DAY.d3, 7)), 'Báo cáo trạng thái hằng ngày', 3 / 60]);
  },
  'kh02-ingest#3': () => {
    const r = byKey(rows('kh02-ingest#3'), 'vendor');
    expect(r.get('VNPT')).toMatchObject({
      systems_registered: registry.systemsOfVendor('VNPT').length,
      systems_reporting: 2,
      samples: 39,
      median_lag_s: 2,
    });
    expect(iso(r.get('VNPT')?.last_received)).toBe(iso(new Date(Date.parse(vn(DAY.d3, 17, 57)) + 2000).toISOString()));
    expect(r.get('CMC')).toMatchObject({ systems_reporting: 1, samples: 12, median_lag_s: 4 });
    expect(r.get('VIETTEL')).toMatchObject({
      systems_reporting: 0,
      samples: 0,
      last_received: null,
      median_lag_s: null,
    });
    expect(r.size).toBe(registry.vendors.length);
  },
  'kh02-completeness#1': () => {
    const r = rows('kh02-completeness#1').map((x) => [iso(x.time), x.by_08h_pct, x.received_pct]);
    // D2's reports, due D3 08:00: 3 of 242 on time (1,2 %), 4 received (1,7 %).
    expect(r).toContainEqual([iso(vn(DAY.d3, 8)), 1.2, 1.7]);
    expect(r).toContainEqual([iso(vn(DAY.d2, 8)), 0.4, 0.4]);
  },
  'kh02-completeness#2': () => {
    const r = byKey(rows('kh02-completeness#2'), 'vendor');
    expect(r.get('VNPT')).toMatchObject({ expected: 114, on_time: 2, late: 1, missing: 111, on_time_pct: 1.8 });
    expect(r.get('CMC')).toMatchObject({ expected: 22, on_time: 1, late: 0, missing: 21, on_time_pct: 4.5 });
    expect(r.get('FPT')).toMatchObject({ on_time: 0, missing: 32 });
  },
  'kh02-completeness#3': () => {
    const r = rows('kh02-completeness#3').map((x) => [iso(x.time), x.by_17h_pct, x.whole_day_pct]);
    // D2: 120 of 3,355 units by 17:00 (3,6 %), 127 by the end of the day (3,8 %).
    expect(r).toEqual([
      [iso(vn(DAY.d2, 17)), 3.6, 3.8],
      [iso(vn(DAY.d3, 17)), 0.1, 0.1],
    ]);
  },
  'kh02-completeness#4': () => {
    const r = rows('kh02-completeness#4');
    expect(r).toHaveLength(34);
    expect(r.slice(-2)).toEqual([
      { code: '79', province: 'TP. Hồ Chí Minh', expected: 169, by_17h: 1, by_17h_pct: 0.6, so_far: 1 },
      { code: '01', province: 'Hà Nội', expected: 127, by_17h: 1, by_17h_pct: 0.8, so_far: 2 },
    ]);
    expect(r[0]).toMatchObject({ by_17h: 0, by_17h_pct: 0 });
  },
  'kh02-sla#1': () => {
    const r = rows('kh02-sla#1').map((x) => [x.day, x.vendor, x.on_time, x.late, x.missing]);
    // D3's reports are not due until D4 08:00, after the range: only D1 and D2 are judged.
    expect(r).toEqual([
      [DAY.d2, 'CMC', 1, 0, 21],
      [DAY.d2, 'FPT', 0, 0, 32],
      [DAY.d2, 'VIETTEL', 0, 0, 74],
      [DAY.d2, 'VNPT', 2, 1, 111],
      [DAY.d1, 'CMC', 0, 0, 22],
      [DAY.d1, 'FPT', 0, 0, 32],
      [DAY.d1, 'VIETTEL', 0, 0, 74],
      [DAY.d1, 'VNPT', 1, 0, 113],
    ]);
  },
  'kh02-sla#2': () => {
    // p79.tthc down 08:00–10:30 (151 minutes); p79.lgsp's 31-minute dip is within the 2-hour fix time.
    const r = rows('kh02-sla#2');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ system_id: 'p79.tthc', vendor: 'FPT', minutes: 151, worst_uptime_pct: 20 });
    expect(iso(r[0]?.started)).toBe(iso(vn(DAY.d2, 8)));
  },
  'kh02-sla#3': () => {
    const r = rows('kh02-sla#3').map((x) => [x.ticket_id, x.priority, x.response_minutes, x.fix_minutes, x.breached]);
    expect(r).toEqual([
      ['TA', 'P1', 30, 60, 'Phản hồi'],
      ['TB', 'P2', 10, 540, 'Khắc phục'],
      ['TG', 'P1', 300, 300, 'Phản hồi, Khắc phục'],
    ]);
  },
  'kh02-province-kpis#1': () => {
    const r = rows('kh02-province-kpis#1');
    expect(r).toHaveLength(34);
    // No data sorts first; then HCMC (75 % online, below target), then Hà Nội (86,67 %).
    expect(r[0]).toMatchObject({ received: 0, online_rate_pct: null, assessment: 'Chưa đạt' });
    expect(r.slice(-2)).toEqual([
      {
        code: '79',
        province: 'TP. Hồ Chí Minh',
        received: 200,
        online_rate_pct: 75,
        on_time_rate_pct: 100,
        units_reported: 1,
        units_expected: 169,
        assessment: 'Chưa đạt',
      },
      {
        code: '01',
        province: 'Hà Nội',
        received: 150,
        online_rate_pct: 86.67,
        on_time_rate_pct: 99.23,
        units_reported: 2,
        units_expected: 127,
        assessment: 'Đạt',
      },
    ]);
  },
  'kh02-province-kpis#2': () => {
    const r = rows('kh02-province-kpis#2').map((x) => [
      iso(x.time),
      x.online_rate_pct,
      x.on_time_rate_pct,
      x.online_target_pct,
    ]);
    expect(r).toEqual([
      [iso(vn(DAY.d2, 0)), 80, 100, 80],
      [iso(vn(DAY.d3, 0)), 80, 99.57, 80],
    ]);
  },
  'kh02-province-kpis#3': () => {
    expect(rows('kh02-province-kpis#3').map((x) => [iso(x.time), x.received, x.received_online])).toEqual([
      [iso(vn(DAY.d2, 0)), 1270, 1016],
      [iso(vn(DAY.d3, 0)), 350, 280],
    ]);
  },
  'kh02-sources#1': () => {
    const r = byKey(rows('kh02-sources#1'), 'vendor');
    // At 18:00 on D3 only p01.sso (17:57) is within 5 minutes; FPT was last heard more than 24 h earlier.
    expect(r.get('VNPT')).toMatchObject({ in_sync_5m: 1, seen_24h: 2 });
    expect(r.get('CMC')).toMatchObject({ in_sync_5m: 0, seen_24h: 1 });
    expect(r.get('FPT')).toMatchObject({ in_sync_5m: 0, seen_24h: 0, last_received: null });
  },
  'kh02-sources#2': () => {
    // dateDiff counts minute boundaries: D2 09:35 → D3 18:00 is 24 h + 8 h 25 min = 1,945.
    expect(rows('kh02-sources#2').map((x) => [x.system_id, x.minutes_silent])).toEqual([
      ['p79.lgsp', 1945],
      ['p79.tthc', 1885],
      ['p01.qlvb', 545],
      ['p01.tthc', 425],
    ]);
  },
  'kh02-sources#3': () => {
    const r = rows('kh02-sources#3');
    expect(r.slice(-2).map((x) => [x.code, x.reported_24h, x.reported_pct])).toEqual([
      ['79', 1, 0.6],
      ['01', 2, 1.6],
    ]);
    expect(iso(r.at(-1)?.last_received)).toBe(iso(vn(DAY.d3, 17, 21)));
  },
};

describe('Grafana panels against the real ClickHouse engine', () => {
  it('has an expectation for every panel of every dashboard', () => {
    const panels = dashboards.flatMap((d) => d.panels.map((p: Panel) => `${d.uid}#${p.id}`));
    expect(panels.length).toBeGreaterThanOrEqual(15);
    expect(panels.sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it.each(Object.keys(EXPECTATIONS))('%s returns the expected rows', (key) => {
    EXPECTATIONS[key]!();
  });
});
