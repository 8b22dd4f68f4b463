import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { defaultRegistry } from '@kh02/schemas/registry';
import { migrate } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCsv } from '../../src/reports/csv-export.js';
import { ClickHouseIncidentCounts } from '../../src/reports/incidents.js';
import { computeReport, type ReportSources } from '../../src/reports/report-compute.js';
import { DEFAULT_REPORT_CONFIG } from '../../src/reports/report-config.js';
import type { ScopeReport } from '@kh02/schemas';
import { ReportService } from '../../src/reports/report-service.js';
import { SnapshotStore } from '../../src/reports/snapshot-store.js';
import {
  counterRow,
  DB,
  insertRows,
  local,
  openMigratedStore,
  silentLogger,
} from '../support/reports/report-fixtures.js';
import { CUMULATIVE_FROM, CUTOFF_ISO, D, REPORT_DATE, seedScenario } from '../support/reports/report-scenario.js';

const registry = defaultRegistry();
const config = { ...DEFAULT_REPORT_CONFIG, cumulativeFrom: CUMULATIVE_FROM };
let store: { client: ClickHouseClient; close: () => Promise<void> };
let sources: ReportSources;

beforeAll(async () => {
  store = await openMigratedStore();
  await seedScenario(store.client);
  sources = {
    clickhouse: store.client,
    database: DB,
    registry,
    incidents: new ClickHouseIncidentCounts(store.client, DB),
    config,
  };
});
afterAll(async () => store.close());

const province = (scopes: ScopeReport[], code: string) => {
  const s = scopes.find((p) => p.scope.code === code);
  if (!s) throw new Error(`no scope ${code}`);
  return s;
};
const cutoffMs = Date.parse(CUTOFF_ISO);

function service(now: number) {
  return new ReportService({
    ...sources,
    store: new SnapshotStore(store.client, DB),
    now: () => now,
    logger: silentLogger,
  });
}

describe('daily report computed from ClickHouse as of the 08:30 cut-off', () => {
  it('counts each unit’s last cumulative report of the day, received by the cut-off, per province and nationally', async () => {
    const r = await computeReport(sources, 'daily', REPORT_DATE, cutoffMs);
    expect(r.period).toEqual({ from: D(-1), to: D(-1) });
    expect(r.previous_period).toEqual({ from: D(-2), to: D(-2) });
    const hn = province(r.provinces, '01');
    expect(hn.dossiers.received).toEqual({ period: 160, previous: 110, cumulative: 290 });
    expect(hn.dossiers.received_online).toEqual({ period: 130, previous: 91, cumulative: 231 });
    expect(hn.dossiers.on_time).toEqual({ period: 139, previous: 87, cumulative: 246 });
    expect(hn.reporting_units).toEqual({ reported: 2, expected: 127 });
    expect(hn.online_rate.period.value).toBeCloseTo(0.8125, 10);
    expect(hn.online_rate.change_pp).toBeCloseTo(-1.4773, 4);
    expect(hn.online_rate.meets_target).toBe(true);
    expect(hn.on_time_rate.period).toEqual({ numerator: 139, denominator: 140, value: 139 / 140 });
    expect(hn.on_time_rate.meets_target).toBe(true);

    const hcm = province(r.provinces, '79');
    expect(hcm.dossiers.received).toEqual({ period: 100, previous: 0, cumulative: 100 });
    expect(hcm.on_time_rate.meets_target).toBe(false); // 79/80 = 98.75 % is not > 99 %
    expect(hcm.online_rate.previous.value).toBeNull();
    expect(hcm.online_rate.change_pp).toBeNull();

    expect(r.national.dossiers.received).toEqual({ period: 260, previous: 110, cumulative: 390 });
    expect(r.national.reporting_units).toEqual({ reported: 4, expected: registry.communes.length });
    expect(province(r.provinces, '48').dossiers.received).toEqual({ period: 0, previous: 0, cumulative: 0 });
    expect(r.provinces).toHaveLength(34);
  });

  it('ranks the top key procedures from the day’s latest reports, with names from the catalogue', async () => {
    const r = await computeReport(sources, 'daily', REPORT_DATE, cutoffMs);
    expect(province(r.provinces, '01').top_procedures).toEqual([
      { code: '2.000410', name: 'Đăng ký biến động quyền sử dụng đất', period: 32, previous: 6, cumulative: 38 },
      { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', period: 30, previous: 20, cumulative: 50 },
      { code: '2.000635', name: 'Cấp bản sao Trích lục hộ tịch', period: 8, previous: 0, cumulative: 8 },
      { code: '1.011673', name: 'Chấp thuận xây dựng công trình thiết yếu', period: 4, previous: 0, cumulative: 4 },
    ]);
    expect(r.national.top_procedures.map((p) => [p.code, p.period])).toEqual([
      ['2.000815', 35],
      ['2.000635', 33],
      ['2.000410', 32],
      ['1.011673', 4],
    ]);
  });

  it('counts incidents from the ticket log: types 1 and 2 opened, closed ones resolved, cancelled ones never', async () => {
    const r = await computeReport(sources, 'daily', REPORT_DATE, cutoffMs);
    expect(r.incidents_available).toBe(true);
    expect(province(r.provinces, '01').incidents).toEqual({
      technical: { period: 1, previous: 1, cumulative: 2 },
      process: { period: 0, previous: 0, cumulative: 0 },
      resolved: { period: 1, previous: 0, cumulative: 1 },
    });
    expect(province(r.provinces, '79').incidents).toEqual({
      technical: { period: 0, previous: 0, cumulative: 1 },
      process: { period: 1, previous: 0, cumulative: 1 },
      resolved: { period: 1, previous: 0, cumulative: 1 },
    });
    // The agency's incident (BCA) counts nationally but in no province.
    expect(r.national.incidents).toEqual({
      technical: { period: 1, previous: 1, cumulative: 3 },
      process: { period: 2, previous: 0, cumulative: 2 },
      resolved: { period: 2, previous: 0, cumulative: 2 },
    });
  });

  it('lists units red at the cut-off as hot issues with their reasons, oldest first', async () => {
    const r = await computeReport(sources, 'daily', REPORT_DATE, cutoffMs);
    expect(r.national.hot_issues.map((i) => i.code)).toEqual(['BCA', '01']);
    const hn = province(r.provinces, '01').hot_issues;
    expect(hn.map((i) => [i.code, i.kind])).toEqual([
      ['01', 'province'],
      ['p01.tthc', 'system'],
      ['01001', 'commune'],
    ]);
    expect(hn[0]?.reasons).toEqual(['Tỷ lệ hồ sơ trực tuyến 62,0 % < 80 %', 'Thời gian hoạt động 95,0 %']);
    expect(hn[0]?.since).toBe(local(D(-1), 14));
    expect(province(r.provinces, '79').hot_issues).toEqual([]);
  });

  it('reports incidents as unavailable when the ticket log does not exist', async () => {
    const dir = await makeTempDir('no-tickets');
    try {
      for (const name of await readdir(CLICKHOUSE_MIGRATIONS_DIR)) {
        // 0004 creates the ticket log; 0007's identity view reads it, so both are left out.
        if (name.endsWith('.sql') && !name.startsWith('0004') && !name.startsWith('0007'))
          await copyFile(join(CLICKHOUSE_MIGRATIONS_DIR, name), join(dir.path, name));
      }
      await migrate(store.client, 'kh02_no_tickets', dir.path);
      const r = await computeReport(
        {
          ...sources,
          database: 'kh02_no_tickets',
          incidents: new ClickHouseIncidentCounts(store.client, 'kh02_no_tickets'),
        },
        'daily',
        REPORT_DATE,
        cutoffMs,
      );
      expect(r.incidents_available).toBe(false);
      expect(r.national.incidents.technical).toEqual({ period: 0, previous: 0, cumulative: 0 });
      expect(r.national.dossiers.received.period).toBe(0);
    } finally {
      await dir.remove();
    }
  });
});

describe('freezing and reproducibility', () => {
  it('is provisional before the cut-off, counting only what had arrived by then', async () => {
    const lookup = await service(Date.parse(local(REPORT_DATE, 7))).get('daily', REPORT_DATE);
    if (!lookup.found) throw new Error('expected a provisional report');
    expect(lookup.envelope.status).toBe('provisional');
    expect(lookup.envelope.report.data_as_of).toBe(local(REPORT_DATE, 7));
    // 79002's report was accepted at 08:29, after 07:00.
    expect(province(lookup.envelope.report.provinces, '79').dossiers.received.period).toBe(70);
    expect(await new SnapshotStore(store.client, DB).find('daily', REPORT_DATE)).toBeUndefined();
  });

  it('freezes after the cut-off; later data never changes the snapshot, and its CSV is byte-identical', async () => {
    const svc = service(Date.parse(local(REPORT_DATE, 8, 32)));
    const computed = await computeReport(sources, 'daily', REPORT_DATE, cutoffMs);
    const frozen = await svc.freeze('daily', REPORT_DATE);
    expect(frozen.report).toEqual(computed);
    expect(frozen.body).toBe(JSON.stringify(computed));

    // A late backfill with an arrival time before the cut-off, written after the freeze.
    await insertRows(store.client, 'counter_reports', [
      counterRow({
        province: '01',
        unit: '01004',
        date: D(-1),
        hour: 17,
        received: 500,
        online: 1,
        processed: 1,
        onTime: 1,
        receivedAt: local(REPORT_DATE, 8, 0),
      }),
    ]);
    const later = service(Date.parse(local(D(5), 12)));
    const again = await later.get('daily', REPORT_DATE);
    if (!again.found) throw new Error('expected the frozen report');
    expect(again.envelope.status).toBe('frozen');
    expect(again.envelope.body_sha256).toBe(frozen.body_sha256);
    expect(province(again.envelope.report.provinces, '01').dossiers.received.period).toBe(160);
    const csv = (r: typeof computed) => reportCsv(r, 'frozen', [r.national, ...r.provinces]);
    expect(csv(again.envelope.report)).toBe(csv(computed));
    expect(Buffer.from(csv(again.envelope.report))).toEqual(Buffer.from(csv(frozen.report)));
    // A second freeze returns the first snapshot instead of writing another.
    expect((await later.freeze('daily', REPORT_DATE)).frozen_at).toBe(frozen.frozen_at);
    expect(await later.list('daily')).toEqual([
      {
        kind: 'daily',
        report_date: REPORT_DATE,
        cutoff_at: CUTOFF_ISO,
        frozen_at: frozen.frozen_at,
        body_sha256: frozen.body_sha256,
      },
    ]);
  });

  it('has no report for days before the data starts, and none further ahead than a week', async () => {
    const svc = service(Date.parse(local(D(5), 12)));
    expect(await svc.get('daily', CUMULATIVE_FROM)).toEqual({ found: false });
    expect(await svc.get('daily', D(20))).toEqual({ found: false });
    expect(await svc.list('daily')).toHaveLength(1);
  });

  it('refuses to freeze before the cut-off, and serves the earliest snapshot when two freezes raced', async () => {
    await expect(service(Date.parse(local(D(1), 8))).freeze('daily', D(1))).rejects.toThrow(/before its cut-off/);
    const s = new SnapshotStore(store.client, DB);
    const report = await computeReport(sources, 'daily', D(1), Date.parse(local(D(1), 8, 30)));
    const first = await s.save(report, Date.parse(local(D(1), 8, 31)));
    const second = await s.save({ ...report, data_as_of: 'x' }, Date.parse(local(D(1), 8, 40)));
    expect(second.frozen_at).toBe(first.frozen_at);
    expect(second.report.data_as_of).toBe(report.data_as_of);
  });

  it('computes the Friday 14:00 weekly report over Friday–Thursday (R+2 is a Friday)', async () => {
    const r = await computeReport(sources, 'weekly', D(2), Date.parse(local(D(2), 14)));
    expect(r.period).toEqual({ from: D(-5), to: D(1) });
    expect(r.previous_period).toEqual({ from: D(-12), to: D(-6) });
    // R-5 20 + R-2 110 + R-1 200 (01001's 18:00 report of 140 arrived before this cut-off)
    // + the backfill's 500.
    expect(province(r.provinces, '01').dossiers.received.period).toBe(830);
    expect(province(r.provinces, '01').dossiers.received.previous).toBe(1000);
  });
});

describe('never publishing zeros that are not zeros', () => {
  /** A ReportService on an empty database of its own, at `now`. */
  async function emptyService(db: string, now: { value: number }) {
    await migrate(store.client, db, CLICKHOUSE_MIGRATIONS_DIR);
    return {
      svc: new ReportService({
        ...sources,
        database: db,
        incidents: new ClickHouseIncidentCounts(store.client, db),
        store: new SnapshotStore(store.client, db),
        now: () => now.value,
        logger: silentLogger,
      }),
      snapshots: new SnapshotStore(store.client, db),
    };
  }

  it('does not freeze a report nobody has reported for yet; the page stays provisional', async () => {
    const now = { value: Date.parse(local(REPORT_DATE, 9)) };
    const { svc, snapshots } = await emptyService('kh02_empty_window', now);
    await expect(svc.freeze('daily', REPORT_DATE)).rejects.toThrow(/no unit has reported/);
    const lookup = await svc.get('daily', REPORT_DATE);
    expect(lookup.found && lookup.envelope.status).toBe('provisional');
    expect(await snapshots.find('daily', REPORT_DATE)).toBeUndefined();
    // Three hours after the cut-off it is frozen anyway, marked incomplete, so the day keeps its record.
    now.value = Date.parse(local(REPORT_DATE, 11, 31));
    const frozen = await svc.freeze('daily', REPORT_DATE);
    expect(frozen.report.completeness).toEqual({ incomplete: true, frozen_late: false });
  });

  it("freezes late from the report's own window when data arrived only after the cut-off, and says so", async () => {
    const db = 'kh02_late_start';
    const now = { value: Date.parse(local(REPORT_DATE, 10)) };
    const { svc } = await emptyService(db, now);
    // The Center started at 09:50: yesterday's counts arrive now, after the 08:30 cut-off.
    await insertRows(
      store.client,
      'counter_reports',
      [
        counterRow({
          province: '01',
          unit: '01001',
          date: D(-1),
          hour: 17,
          received: 40,
          online: 35,
          processed: 30,
          onTime: 30,
          receivedAt: local(REPORT_DATE, 9, 55),
        }),
      ],
      db,
    );
    const frozen = await svc.freeze('daily', REPORT_DATE);
    expect(frozen.report.completeness).toEqual({ incomplete: true, frozen_late: true });
    expect(frozen.report.data_as_of).toBe(new Date(now.value).toISOString());
    expect(province(frozen.report.provinces, '01').dossiers.received.period).toBe(40);
  });
});
