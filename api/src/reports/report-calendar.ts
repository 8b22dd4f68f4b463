import { addDays, type DateRange, type ReportKind, vnLocalDate, vnMidnight } from '@kh02/schemas';

/*
 * When reports are cut and which days they cover (seed-digest §6.1, 000 L883-884):
 * the daily data is cut at 08:30 and the weekly at 14:00 on Friday, Vietnam time.
 * Everything is fixed-offset arithmetic on UTC+7 (no DST since 1975), never the
 * host's time zone, so a server in UTC and a laptop in Hà Nội agree.
 */

const MINUTE_MS = 60_000;
export const DAILY_CUTOFF_MINUTE = 8 * 60 + 30;
export const WEEKLY_CUTOFF_MINUTE = 14 * 60;
const FRIDAY = 5;

function weekday(localDate: string): number {
  return new Date(`${localDate}T00:00:00Z`).getUTCDay();
}

/** Weekly reports exist only for Fridays; daily reports for every day (the Center works 24/7). */
export function isReportDate(kind: ReportKind, localDate: string): boolean {
  const parsed = Date.parse(`${localDate}T00:00:00Z`);
  // Round-trip so 2026-02-30 (which Date would roll over to March) is rejected.
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== localDate) return false;
  return kind === 'daily' || weekday(localDate) === FRIDAY;
}

/** The cut-off instant of the report issued on `reportDate` (08:30, or 14:00 Friday, local). */
export function cutoffInstant(kind: ReportKind, reportDate: string): number {
  const minute = kind === 'daily' ? DAILY_CUTOFF_MINUTE : WEEKLY_CUTOFF_MINUTE;
  return vnMidnight(reportDate) + minute * MINUTE_MS;
}

export interface ReportWindows {
  period: DateRange;
  previous_period: DateRange;
  cumulative_from: string;
}

/**
 * The days a report covers. The 08:30 daily report covers the previous whole
 * day (today has barely started at 08:30) and compares it with the day before.
 * The Friday weekly report covers the seven whole days Friday–Thursday before
 * the cut-off and compares them with the seven days before that. Cumulative
 * values (lũy kế) run from `cumulativeFrom` to the end of the period, and
 * always include the period itself.
 */
export function reportWindows(kind: ReportKind, reportDate: string, cumulativeFrom: string): ReportWindows {
  const days = kind === 'daily' ? 1 : 7;
  const to = addDays(reportDate, -1);
  const from = addDays(reportDate, -days);
  const previous = { from: addDays(from, -days), to: addDays(to, -days) };
  return {
    period: { from, to },
    previous_period: previous,
    cumulative_from: cumulativeFrom < from ? cumulativeFrom : from,
  };
}

/** The newest report date whose cut-off is at or before `nowMs`. */
export function latestDueReportDate(kind: ReportKind, nowMs: number): string {
  let date = vnLocalDate(nowMs);
  // At most 7 steps back for weekly; daily needs at most one.
  for (let i = 0; i < 8; i++) {
    if (isReportDate(kind, date) && cutoffInstant(kind, date) <= nowMs) return date;
    date = addDays(date, -1);
  }
  throw new Error(`no ${kind} cut-off in the last 8 days before ${new Date(nowMs).toISOString()}`);
}

/** The first cut-off strictly after `nowMs`. */
export function nextCutoffAfter(kind: ReportKind, nowMs: number): { reportDate: string; cutoffMs: number } {
  let date = vnLocalDate(nowMs);
  for (let i = 0; i < 9; i++) {
    if (isReportDate(kind, date) && cutoffInstant(kind, date) > nowMs) {
      return { reportDate: date, cutoffMs: cutoffInstant(kind, date) };
    }
    date = addDays(date, 1);
  }
  throw new Error(`no ${kind} cut-off in the 8 days after ${new Date(nowMs).toISOString()}`);
}
