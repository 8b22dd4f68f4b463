/**
 * Working-time arithmetic: moving forward by an amount of working time and
 * measuring the working time between two instants. Both walk local days, so
 * cost grows with the span in days (a few thousand steps for a decade).
 */
import { assertValidDate, localDayNumber } from './time.js';
import { workingIntervalsOfDay, type WorkingCalendar } from './working-calendar.js';

// A config can make every day a non-working day (all holidays, say); stop
// searching after a year and a bit instead of looping forever.
const MAX_DAYS_WITHOUT_WORK = 400;

/**
 * The instant at which `ms` of working time has elapsed after `start`.
 * A start outside working hours begins counting at the next session start;
 * a budget that runs out exactly at a session end returns that end (17:00),
 * not the next morning. `ms = 0` returns `start` unchanged.
 */
export function addWorkingTime(cal: WorkingCalendar, start: Date, ms: number): Date {
  const startMs = assertValidDate(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(
      `Thời lượng phải là số không âm / working time must be a finite, non-negative number of ms, got ${ms}`,
    );
  }
  if (ms === 0) return new Date(startMs);
  let remaining = ms;
  let day = localDayNumber(startMs);
  let idleDays = 0;
  for (;;) {
    const intervals = workingIntervalsOfDay(cal, day);
    idleDays = intervals.length === 0 ? idleDays + 1 : 0;
    if (idleDays > MAX_DAYS_WITHOUT_WORK) {
      throw new RangeError(
        `Lịch không có giờ làm việc trong ${MAX_DAYS_WITHOUT_WORK} ngày / no working time within ${MAX_DAYS_WITHOUT_WORK} days`,
      );
    }
    for (const [sessionStart, sessionEnd] of intervals) {
      if (sessionEnd <= startMs) continue;
      const from = Math.max(sessionStart, startMs);
      const available = sessionEnd - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
    day += 1;
  }
}

/**
 * Working time (ms) between two instants. Antisymmetric: a later `a` than `b`
 * gives a negative result, so callers can subtract without sorting first.
 */
export function workingTimeBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const aMs = assertValidDate(a, 'a');
  const bMs = assertValidDate(b, 'b');
  if (bMs < aMs) {
    const forward = workingTimeBetween(cal, b, a);
    return forward === 0 ? 0 : -forward; // never -0, which Object.is tells apart from 0
  }
  let total = 0;
  const lastDay = localDayNumber(bMs);
  for (let day = localDayNumber(aMs); day <= lastDay; day += 1) {
    for (const [sessionStart, sessionEnd] of workingIntervalsOfDay(cal, day)) {
      const from = Math.max(sessionStart, aMs);
      const to = Math.min(sessionEnd, bMs);
      if (to > from) total += to - from;
    }
  }
  return total;
}
