import { addDays, type DailyReportStatus, type SyncStatus, vnLocalDate, vnMidnight } from '@kh02/schemas';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface SyncThresholds {
  /** Health samples stream around the clock: a sample within this age is in sync… */
  sampleOkMs: number;
  /** …within this, late; older (or none), silent. */
  sampleLateMs: number;
  /** During office hours a counter reports at least this often. */
  counterLiveMs: number;
  /** A counter this far behind its due time is late rather than silent. */
  counterLateMs: number;
  /** Local minute the daily System Health Report is due by (08:00). */
  dailyReportDueMinute: number;
  /** Office session of one-stop counters, local minutes: 07:30–17:00, end-of-day report by 17:30. */
  officeStartMinute: number;
  officeEndMinute: number;
  endOfDayGraceMinutes: number;
}

export const DEFAULT_SYNC_THRESHOLDS: SyncThresholds = {
  sampleOkMs: 5 * MIN,
  sampleLateMs: 30 * MIN,
  counterLiveMs: 30 * MIN,
  counterLateMs: 2 * HOUR,
  dailyReportDueMinute: 8 * 60,
  officeStartMinute: 7 * 60 + 30,
  officeEndMinute: 17 * 60,
  endOfDayGraceMinutes: 30,
};

export function sampleStatus(lastReceivedMs: number | null, nowMs: number, t: SyncThresholds): SyncStatus {
  if (lastReceivedMs === null) return 'silent';
  const age = nowMs - lastReceivedMs;
  if (age <= t.sampleOkMs) return 'ok';
  return age <= t.sampleLateMs ? 'late' : 'silent';
}

/** Yesterday's System Health Report: on time, late (after 08:00), not yet due, or missing. */
export function dailyReportStatus(receivedMs: number | null, nowMs: number, t: SyncThresholds): DailyReportStatus {
  const deadline = vnMidnight(vnLocalDate(nowMs)) + t.dailyReportDueMinute * MIN;
  if (receivedMs !== null) return receivedMs <= deadline ? 'ok' : 'late';
  return nowMs <= deadline ? 'pending' : 'missing';
}

/**
 * The instant by which a one-stop counter should last have reported. In
 * office hours of a working day: within the last half hour (the counters'
 * cadence; the first half hour counts from the session start). After the
 * session: the end-of-day report ("thống kê số liệu cả ngày", after 17:00).
 * Before the session, and on days off: the end-of-day report of the last
 * working day — which is what the 07:30 check looks for.
 */
export function counterDueSince(
  nowMs: number,
  isWorkingDay: (localDate: string) => boolean,
  t: SyncThresholds,
): number {
  const today = vnLocalDate(nowMs);
  const at = (date: string, minute: number) => vnMidnight(date) + minute * MIN;
  if (isWorkingDay(today)) {
    const sessionStart = at(today, t.officeStartMinute);
    const endOfDayDue = at(today, t.officeEndMinute + t.endOfDayGraceMinutes);
    if (nowMs >= endOfDayDue) return at(today, t.officeEndMinute);
    if (nowMs >= sessionStart + t.counterLiveMs) return nowMs - t.counterLiveMs;
  }
  let day = addDays(today, -1);
  for (let i = 0; i < 31 && !isWorkingDay(day); i++) day = addDays(day, -1);
  return at(day, t.officeEndMinute);
}

export function counterStatus(lastReceivedMs: number | null, dueSinceMs: number, t: SyncThresholds): SyncStatus {
  if (lastReceivedMs === null) return 'silent';
  if (lastReceivedMs >= dueSinceMs) return 'ok';
  return lastReceivedMs >= dueSinceMs - t.counterLateMs ? 'late' : 'silent';
}

const RANK: Record<SyncStatus, number> = { ok: 0, late: 1, silent: 2 };

export function worstSync(statuses: Iterable<SyncStatus>): SyncStatus {
  let worst: SyncStatus = 'ok';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/** Monday–Friday; wire the Vietnamese working calendar (holidays, make-up Saturdays) in production. */
export function weekdaysOnly(localDate: string): boolean {
  const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
}
