import { afterEach, describe, expect, it } from 'vitest';
import {
  cutoffInstant,
  isReportDate,
  latestDueReportDate,
  nextCutoffAfter,
  reportWindows,
} from '../../src/reports/report-calendar.js';

const at = (iso: string) => Date.parse(iso);

describe('report cut-offs in Vietnam time (UTC+7, never the host zone)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'])(
    'daily is 08:30 and weekly 14:00 Friday local, whatever the host zone (%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(new Date(cutoffInstant('daily', '2026-07-15')).toISOString()).toBe('2026-07-15T01:30:00.000Z');
      expect(new Date(cutoffInstant('weekly', '2026-07-17')).toISOString()).toBe('2026-07-17T07:00:00.000Z');
      expect(latestDueReportDate('daily', at('2026-07-14T18:00:00Z'))).toBe('2026-07-14');
      expect(latestDueReportDate('daily', at('2026-07-15T02:00:00Z'))).toBe('2026-07-15');
    },
  );

  it('has weekly reports on Fridays only and rejects impossible dates', () => {
    expect(isReportDate('weekly', '2026-07-17')).toBe(true);
    expect(isReportDate('weekly', '2026-07-16')).toBe(false);
    expect(isReportDate('daily', '2026-07-16')).toBe(true);
    expect(isReportDate('daily', '2026-02-30')).toBe(false);
    expect(isReportDate('daily', '15/07/2026')).toBe(false);
  });

  it('finds the latest report whose cut-off has passed', () => {
    expect(latestDueReportDate('daily', at('2026-07-15T01:29:59.999Z'))).toBe('2026-07-14');
    expect(latestDueReportDate('daily', at('2026-07-15T01:30:00Z'))).toBe('2026-07-15');
    expect(latestDueReportDate('weekly', at('2026-07-17T06:59:00Z'))).toBe('2026-07-10');
    expect(latestDueReportDate('weekly', at('2026-07-17T07:00:00Z'))).toBe('2026-07-17');
    expect(latestDueReportDate('weekly', at('2026-07-20T03:00:00Z'))).toBe('2026-07-17');
  });

  it('finds the next cut-off strictly after now', () => {
    expect(nextCutoffAfter('daily', at('2026-07-15T01:30:00Z'))).toEqual({
      reportDate: '2026-07-16',
      cutoffMs: at('2026-07-16T01:30:00Z'),
    });
    expect(nextCutoffAfter('weekly', at('2026-07-17T07:00:00Z')).reportDate).toBe('2026-07-24');
    // Sunday 31 Dec 2028 → Friday 5 Jan 2029, across the year end.
    expect(nextCutoffAfter('weekly', at('2028-12-31T03:00:00Z')).reportDate).toBe('2029-01-05');
  });
});

describe('report windows', () => {
  it('covers yesterday for the daily report and Friday–Thursday for the weekly one', () => {
    expect(reportWindows('daily', '2026-03-01', '2025-07-01')).toEqual({
      period: { from: '2026-02-28', to: '2026-02-28' },
      previous_period: { from: '2026-02-27', to: '2026-02-27' },
      cumulative_from: '2025-07-01',
    });
    expect(reportWindows('weekly', '2026-07-17', '2025-07-01')).toEqual({
      period: { from: '2026-07-10', to: '2026-07-16' },
      previous_period: { from: '2026-07-03', to: '2026-07-09' },
      cumulative_from: '2025-07-01',
    });
  });

  it('always includes the period in the cumulative range', () => {
    expect(reportWindows('weekly', '2026-07-17', '2026-07-14').cumulative_from).toBe('2026-07-10');
  });
});
