import { describe, expect, it } from 'vitest';
import {
  counterDueSince,
  counterStatus,
  dailyReportStatus,
  DEFAULT_SYNC_THRESHOLDS as T,
  sampleStatus,
  weekdaysOnly,
  worstSync,
} from '../../src/sources/sync-status.js';

/** Vietnam local time as an instant. */
const vn = (date: string, hh: number, mm = 0) => Date.parse(`${date}T00:00:00Z`) + ((hh - 7) * 60 + mm) * 60_000;

describe('sync status of a data source', () => {
  it('classifies health samples by age: 5 minutes in sync, 30 minutes late, then silent', () => {
    const now = vn('2026-07-15', 7, 30);
    expect(sampleStatus(now - 5 * 60_000, now, T)).toBe('ok');
    expect(sampleStatus(now - 5 * 60_000 - 1, now, T)).toBe('late');
    expect(sampleStatus(now - 31 * 60_000, now, T)).toBe('silent');
    expect(sampleStatus(null, now, T)).toBe('silent');
  });

  it('expects yesterday’s daily health report before 08:00', () => {
    const received = vn('2026-07-15', 7, 59);
    expect(dailyReportStatus(received, vn('2026-07-15', 7, 30), T)).toBe('ok');
    expect(dailyReportStatus(vn('2026-07-15', 8, 1), vn('2026-07-15', 9), T)).toBe('late');
    expect(dailyReportStatus(null, vn('2026-07-15', 7, 30), T)).toBe('pending');
    expect(dailyReportStatus(null, vn('2026-07-15', 8, 1), T)).toBe('missing');
  });

  it('at the 07:30 check expects each counter’s end-of-day report from the last working day', () => {
    // Wednesday 07:30 → Tuesday 17:00; Monday 07:30 → Friday 17:00.
    expect(counterDueSince(vn('2026-07-15', 7, 30), weekdaysOnly, T)).toBe(vn('2026-07-14', 17));
    expect(counterDueSince(vn('2026-07-20', 7, 30), weekdaysOnly, T)).toBe(vn('2026-07-17', 17));
    // A holiday Tuesday pushes it back to Monday.
    const holiday = (d: string) => weekdaysOnly(d) && d !== '2026-07-14';
    expect(counterDueSince(vn('2026-07-15', 7, 30), holiday, T)).toBe(vn('2026-07-13', 17));
  });

  it('during office hours expects a report in the last half hour, and after 17:30 the end-of-day one', () => {
    expect(counterDueSince(vn('2026-07-15', 10), weekdaysOnly, T)).toBe(vn('2026-07-15', 9, 30));
    expect(counterDueSince(vn('2026-07-15', 17, 29), weekdaysOnly, T)).toBe(vn('2026-07-15', 16, 59));
    expect(counterDueSince(vn('2026-07-15', 17, 30), weekdaysOnly, T)).toBe(vn('2026-07-15', 17));
    expect(counterDueSince(vn('2026-07-15', 23), weekdaysOnly, T)).toBe(vn('2026-07-15', 17));
  });

  it('calls a counter late within two hours of its due time, silent beyond', () => {
    const due = vn('2026-07-14', 17);
    expect(counterStatus(due, due, T)).toBe('ok');
    expect(counterStatus(vn('2026-07-14', 15), due, T)).toBe('late');
    expect(counterStatus(vn('2026-07-14', 14, 59), due, T)).toBe('silent');
    expect(counterStatus(null, due, T)).toBe('silent');
  });

  it('rolls up to the worst status', () => {
    expect(worstSync(['ok', 'late', 'ok'])).toBe('late');
    expect(worstSync(['ok', 'silent', 'late'])).toBe('silent');
    expect(worstSync([])).toBe('ok');
  });
});
