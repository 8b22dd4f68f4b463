import { defaultRegistry } from '@kh02/schemas/registry';
import { buildReport } from '../../../src/reports/report-builder.js';
import { reportWindows } from '../../../src/reports/report-calendar.js';
import { DEFAULT_REPORT_CONFIG } from '../../../src/reports/report-config.js';
import type { Report } from '@kh02/schemas';
import type { ProvinceCounterRow } from '../../../src/reports/queries/counter-totals.js';

type Counts = [received: number, online: number, processed: number, onTime: number];

export function counterTotalsRow(province: string, units: number, p: Counts, q: Counts): ProvinceCounterRow {
  const [r, o, pr, t] = p;
  const [r2, o2, pr2, t2] = q;
  return {
    province_code: province,
    units_period: units,
    received_p: r,
    received_online_p: o,
    processed_p: pr,
    on_time_p: t,
    received_q: r2,
    received_online_q: o2,
    processed_q: pr2,
    on_time_q: t2,
    received_c: r + r2,
    received_online_c: o + o2,
    processed_c: pr + pr2,
    on_time_c: t + t2,
  };
}

/** A small report built without ClickHouse: Hà Nội with figures, one key procedure, one red unit. */
export function sampleReport(reportDate = '2026-07-15'): Report {
  return buildReport({
    kind: 'daily',
    reportDate,
    cutoffMs: Date.parse(`${reportDate}T01:30:00Z`),
    dataAsOfMs: Date.parse(`${reportDate}T01:30:00Z`),
    windows: reportWindows('daily', reportDate, '2025-07-01'),
    config: DEFAULT_REPORT_CONFIG,
    registry: defaultRegistry(),
    counters: [counterTotalsRow('01', 3, [1234, 1016, 1000, 995], [1100, 880, 900, 899])],
    procedures: [{ province_code: '01', code: '2.000815', period: 321, previous: 300, cumulative: 621 }],
    incidents: { available: false, byUnit: new Map() },
    redUnits: [
      {
        code: '01',
        since: '2026-07-14T07:00:00.000Z',
        reasons: JSON.stringify([
          {
            indicator: 'online_rate',
            status: 'red',
            value: 0.5,
            threshold: 0.8,
            comparator: '<',
            unit: 'ratio',
            since: null,
            message: { vi: 'Tỷ lệ trực tuyến 50 % < 80 % "thấp"', en: 'x' },
          },
        ]),
      },
    ],
  });
}
