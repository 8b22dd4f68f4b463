/*
 * Report dates are Vietnam-local calendar dates ("2026-11-27"). A daily report
 * dated D covers D−1 (08:30 cut-off on D); a weekly one is dated on a Friday
 * and covers the seven days before it (14:00 cut-off). The pickers offer the
 * dates themselves rather than a native date input, whose format follows the
 * browser's language ("11/23/2026" on an English Chromium).
 */
import { addDays, vnLocalDate, vnMidnight } from '@kh02/schemas';

/** Day of week of a local date, 0 = Sunday, computed in UTC so the machine's zone never matters. */
export function weekday(localDate: string): number {
  return new Date(`${localDate}T00:00:00Z`).getUTCDay();
}

/** The latest Friday on or before today in Vietnam: the newest weekly report that can be frozen. */
export function lastFriday(nowMs: number): string {
  const today = vnLocalDate(nowMs);
  return addDays(today, -((weekday(today) + 2) % 7));
}

/** "2026-07-15" → "15/07/2026". */
export function formatLocalDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Cut-offs (docs/daily-report.md): 08:30 daily, 14:00 on the weekly report's Friday. */
const CUTOFF_MINUTE = { daily: 8 * 60 + 30, weekly: 14 * 60 } as const;

const isAhead = (kind: 'daily' | 'weekly', date: string, nowMs: number) =>
  nowMs < vnMidnight(date) + CUTOFF_MINUTE[kind] * 60_000;

export interface ReportDateOption {
  date: string;
  /** First day and last day of the figures. */
  from: string;
  to: string;
  /** Its cut-off is still ahead: the report is provisional (figures so far). */
  ahead: boolean;
}

/**
 * Daily: tomorrow's report (today's figures so far), today's, then back `count` days.
 * Weekly: this week's Friday if it is still ahead, then back `count` Fridays.
 */
export function reportDateOptions(kind: 'daily' | 'weekly', nowMs: number, count: number): ReportDateOption[] {
  const today = vnLocalDate(nowMs);
  if (kind === 'daily') {
    return Array.from({ length: count + 2 }, (_, i) => {
      const date = addDays(today, 1 - i);
      const day = addDays(date, -1);
      return { date, from: day, to: day, ahead: isAhead(kind, date, nowMs) };
    });
  }
  const latest = lastFriday(nowMs);
  const next = addDays(latest, 7);
  // This week's report until its Friday: the weekly report is 404 more than 7 days ahead.
  const first = latest === today ? latest : next;
  return Array.from({ length: count + 1 }, (_, i) => {
    const date = addDays(first, -7 * i);
    return { date, from: addDays(date, -7), to: addDays(date, -1), ahead: isAhead(kind, date, nowMs) };
  });
}
