/* A small, valid Phụ lục VII report for unit tests (not used by the app). */
import type { RateTriple, Report, ScopeReport } from '@kh02/schemas';

const triple = (period: number, previous: number, cumulative: number) => ({ period, previous, cumulative });

function rate(num: number, den: number, prevNum: number, prevDen: number, meets: boolean): RateTriple {
  const v = (n: number, d: number) => (d > 0 ? n / d : null);
  const pv = v(num, den);
  const pp = v(prevNum, prevDen);
  return {
    period: { numerator: num, denominator: den, value: pv },
    previous: { numerator: prevNum, denominator: prevDen, value: pp },
    cumulative: { numerator: num * 100, denominator: den * 100, value: pv },
    change_pp: pv !== null && pp !== null ? (pv - pp) * 100 : null,
    meets_target: meets,
  };
}

export function scopeReport(code: string, name: string, over: Partial<ScopeReport> = {}): ScopeReport {
  return {
    scope: { code, name, kind: code === 'VN' ? 'national' : 'province' },
    dossiers: {
      received: triple(12_345, 11_111, 1_234_567),
      received_online: triple(10_166, 9_000, 1_000_000),
      processed: triple(12_000, 11_000, 1_200_000),
      on_time: triple(11_940, 10_900, 1_190_000),
    },
    reporting_units: { reported: 3_310, expected: 3_321 },
    online_rate: rate(10_166, 12_345, 9_000, 11_111, true),
    on_time_rate: rate(11_940, 12_000, 10_900, 11_000, false),
    top_procedures: [{ code: '1.001', name: 'Đăng ký khai sinh', period: 1_200, previous: 1_250, cumulative: 98_000 }],
    incidents: { technical: triple(3, 1, 40), process: triple(0, 0, 5), resolved: triple(2, 2, 38) },
    hot_issues: [
      {
        code: '01',
        name: 'Hà Nội',
        kind: 'province',
        since: '2026-11-22T02:05:00Z',
        reasons: ['Tỷ lệ hồ sơ trực tuyến 61,0% (ngưỡng < 80%)'],
      },
    ],
    ...over,
  };
}

export function report(over: Partial<Report> = {}): Report {
  return {
    schema_version: 1,
    kind: 'daily',
    report_date: '2026-11-23',
    cutoff_at: '2026-11-23T01:30:00Z',
    data_as_of: '2026-11-23T01:30:00Z',
    completeness: { incomplete: false, frozen_late: false },
    period: { from: '2026-11-22', to: '2026-11-22' },
    previous_period: { from: '2026-11-21', to: '2026-11-21' },
    cumulative_from: '2025-07-01',
    targets: { online_rate: { comparator: '>', value: 0.8 }, on_time_rate: { comparator: '>', value: 0.99 } },
    incidents_available: true,
    national: scopeReport('VN', 'Toàn quốc'),
    provinces: [scopeReport('01', 'Hà Nội'), scopeReport('79', 'TP. Hồ Chí Minh', { hot_issues: [] })],
    ...over,
  };
}
