import type { ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB, insertRows, openMigratedStore } from '../support/reports/report-fixtures.js';
import { reportTimeliness } from '../../src/vendors/report-timeliness.js';
import { firstSeenDates, reportArrivals } from '../../src/vendors/vendor-queries.js';

/** Vietnam local time → the UTC text ClickHouse stores. */
const utc = (local: string) => new Date(`${local}+07:00`).toISOString().replace('T', ' ').replace('Z', '');
const NOW = Date.parse('2026-12-05T10:00:00+07:00');

const report = (vendor: string, system: string, day: string, receivedLocal: string, id = `${system}-${day}`) => ({
  event_id: id,
  vendor,
  system_id: system,
  unit_code: '01',
  report_date: day,
  uptime_pct: 99.9,
  peak_cpu_pct: 60,
  peak_ram_pct: 60,
  peak_net_in_bps: 1,
  peak_net_out_bps: 1,
  peaks: [],
  alerts: [],
  key_id: 'k',
  received_at: utc(receivedLocal),
  bus_seq: 1,
});

let store: { client: ClickHouseClient; close: () => Promise<void> };

beforeAll(async () => {
  store = await openMigratedStore();
  await insertRows(store.client, 'health_reports', [
    // 03:18 the next morning: on time (the demo's own case).
    report('VNPT', 'a', '2026-12-04', '2026-12-05T03:18:34'),
    // 08:00:00 exactly is still on time; a retry later does not make it late.
    report('VNPT', 'b', '2026-12-04', '2026-12-05T08:00:00'),
    report('VNPT', 'b', '2026-12-04', '2026-12-05T09:30:00', 'b-retry'),
    // Two days late.
    report('VNPT', 'a', '2026-12-02', '2026-12-04T09:00:00'),
    // Received after "now": not yet heard.
    report('VNPT', 'a', '2026-12-03', '2026-12-05T11:00:00'),
    report('FPT', 'f', '2026-12-04', '2026-12-05T07:00:00'),
  ]);
  await insertRows(store.client, 'health_samples', [
    {
      event_id: 's1',
      vendor: 'VIETTEL',
      system_id: 'v',
      unit_code: '01',
      // 23:30 in Vietnam is 16:30 UTC: the local day, 1 December, is what counts.
      observed_at: utc('2026-12-01T23:30:00'),
      uptime_pct: 99,
      cpu_pct: 10,
      ram_pct: 10,
      net_in_bps: 1,
      net_out_bps: 1,
      response_ms: null,
      alerts: [],
      key_id: 'k',
      received_at: utc('2026-12-01T23:30:05'),
      bus_seq: 1,
    },
  ]);
});
afterAll(async () => store?.close());

describe('vendor report queries on the real engine', () => {
  it('reads each system-day’s first arrival and judges it against 08:00 the next morning', async () => {
    const arrivals = await reportArrivals(store.client, DB, '2026-11-28', '2026-12-04', NOW);
    expect(
      arrivals
        .filter((a) => a.vendor === 'VNPT')
        .map((a) => [a.system_id, a.report_date])
        .sort(),
    ).toEqual([
      ['a', '2026-12-02'],
      ['a', '2026-12-04'],
      ['b', '2026-12-04'],
    ]);
    const r = reportTimeliness({
      systemIds: ['a', 'b'],
      arrivals: arrivals.filter((a) => a.vendor === 'VNPT'),
      fromDate: '2026-11-28',
      toDate: '2026-12-04',
      firstSeenDate: '2026-12-02',
      dueLocal: '08:00',
    });
    // 2, 3, 4 December × two systems: a/4 and b/4 on time, a/2 late, the rest missing (a/3 arrived after now).
    expect(r).toEqual({ expected: 6, on_time: 2, late: 1, missing: 3, ratio: 2 / 6 });
  });

  it('finds each vendor’s first local day from its reports or its samples', async () => {
    const first = await firstSeenDates(store.client, DB, '2026-11-28', NOW);
    expect(first.get('VNPT')).toBe('2026-12-02');
    expect(first.get('FPT')).toBe('2026-12-04');
    expect(first.get('VIETTEL')).toBe('2026-12-01');
  });
});
