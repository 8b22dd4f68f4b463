/**
 * A validated, lookup-ready working calendar and the questions asked of it
 * day by day: is this a working day, which hours of it count.
 */
import { workingCalendarConfigSchema, type BilingualName, type WorkingCalendarConfig } from './config-schema.js';
import { ConfigValidationError, bilingual, formatZodIssue } from './messages.js';
import {
  MINUTE_MS,
  assertValidDate,
  dayStartMs,
  localDateToDayNumber,
  localDayNumber,
  parseClock,
  weekdayOf,
  type DayNumber,
  type LocalDate,
  type Weekday,
} from './time.js';

export interface Session {
  /** Minutes after local midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface DayNote {
  readonly name: BilingualName;
  readonly verified: boolean;
}

export interface WorkingCalendar {
  readonly sessions: readonly Session[];
  readonly weekendDays: ReadonlySet<Weekday>;
  readonly holidays: ReadonlyMap<DayNumber, DayNote>;
  readonly makeUpWorkingDays: ReadonlyMap<DayNumber, DayNote>;
  /** Years whose holidays are listed; other years know only weekends. */
  readonly coveredYears: ReadonlySet<number>;
  readonly config: WorkingCalendarConfig;
}

/** Validates raw JSON (e.g. config/working-calendar.json) and indexes it by day. */
export function loadWorkingCalendar(json: unknown): WorkingCalendar {
  const parsed = workingCalendarConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigValidationError(
      bilingual('Cấu hình lịch làm việc không hợp lệ', 'invalid working-calendar config'),
      parsed.error.issues.map(formatZodIssue),
    );
  }
  const config = parsed.data;
  const holidays = new Map<DayNumber, DayNote>();
  const makeUpWorkingDays = new Map<DayNumber, DayNote>();
  for (const year of config.years) {
    for (const h of year.holidays) {
      const to = localDateToDayNumber(h.to);
      for (let day = localDateToDayNumber(h.from); day <= to; day += 1) {
        holidays.set(day, { name: h.name, verified: h.verified });
      }
    }
    for (const m of year.makeUpWorkingDays) {
      makeUpWorkingDays.set(localDateToDayNumber(m.date), { name: m.name, verified: m.verified });
    }
  }
  return {
    sessions: config.sessions.map((s) => ({
      startMinute: parseClock(s.start) ?? 0,
      endMinute: parseClock(s.end) ?? 0,
    })),
    weekendDays: new Set(config.weekendDays),
    holidays,
    makeUpWorkingDays,
    coveredYears: new Set(config.years.map((y) => y.year)),
    config,
  };
}

export function isWorkingDayNumber(cal: WorkingCalendar, day: DayNumber): boolean {
  if (cal.holidays.has(day)) return false;
  if (cal.makeUpWorkingDays.has(day)) return true;
  return !cal.weekendDays.has(weekdayOf(day));
}

/** Whether a Vietnam calendar date (`YYYY-MM-DD`) is a working day. */
export function isWorkingDay(cal: WorkingCalendar, localDate: LocalDate): boolean {
  return isWorkingDayNumber(cal, localDateToDayNumber(localDate));
}

/** The holiday (if any) a Vietnam calendar date falls in, for display. */
export function holidayOn(cal: WorkingCalendar, localDate: LocalDate): DayNote | undefined {
  return cal.holidays.get(localDateToDayNumber(localDate));
}

export function isYearCovered(cal: WorkingCalendar, year: number): boolean {
  return cal.coveredYears.has(year);
}

/** Working intervals of a local day as UTC epoch-ms half-open ranges [start, end). */
export function workingIntervalsOfDay(cal: WorkingCalendar, day: DayNumber): readonly (readonly [number, number])[] {
  if (!isWorkingDayNumber(cal, day)) return [];
  const midnight = dayStartMs(day);
  return cal.sessions.map((s) => [midnight + s.startMinute * MINUTE_MS, midnight + s.endMinute * MINUTE_MS] as const);
}

/** True when the instant lies inside a working session (start inclusive, end exclusive). */
export function isWorkingInstant(cal: WorkingCalendar, instant: Date): boolean {
  const ms = assertValidDate(instant, 'instant');
  return workingIntervalsOfDay(cal, localDayNumber(ms)).some(([s, e]) => ms >= s && ms < e);
}
