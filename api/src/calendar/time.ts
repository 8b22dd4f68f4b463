/**
 * Fixed-offset local-time arithmetic for Vietnam (UTC+7, no DST since 1975).
 *
 * Everything works on epoch milliseconds shifted by the offset, then read with
 * the UTC getters. That keeps results independent of the machine's TZ, which
 * the Date local getters are not.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Asia/Ho_Chi_Minh has been UTC+7 without DST since 1975. */
export const VIETNAM_OFFSET_MINUTES = 420;
export const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * MINUTE_MS;

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Days since 1970-01-01 of the local calendar; the unit all day loops use. */
export type DayNumber = number;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

// Indexed like Date#getUTCDay (0 = Sunday).
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localDayNumber(instantMs: number, offsetMs: number = VIETNAM_OFFSET_MS): DayNumber {
  return Math.floor((instantMs + offsetMs) / DAY_MS);
}

/** The UTC instant at which local day `day` begins (local midnight). */
export function dayStartMs(day: DayNumber, offsetMs: number = VIETNAM_OFFSET_MS): number {
  return day * DAY_MS - offsetMs;
}

export function dayNumberToLocalDate(day: DayNumber): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Parses `YYYY-MM-DD` and rejects dates that do not exist (2025-02-30),
 * because Date.UTC would silently roll them over into the next month.
 */
export function parseLocalDate(text: string): DayNumber | undefined {
  const match = LOCAL_DATE_RE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const dayOfMonth = Number(d);
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== dayOfMonth) {
    return undefined;
  }
  return ms / DAY_MS;
}

export function localDateToDayNumber(text: LocalDate): DayNumber {
  const day = parseLocalDate(text);
  if (day === undefined) {
    throw new RangeError(`Ngày không hợp lệ / invalid date: "${text}" (expected YYYY-MM-DD)`);
  }
  return day;
}

export function weekdayOf(day: DayNumber): Weekday {
  const index = new Date(day * DAY_MS).getUTCDay();
  const weekday = WEEKDAYS[index];
  if (weekday === undefined) throw new RangeError(`bad weekday index ${index}`);
  return weekday;
}

export function yearOfDay(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The local calendar date of an instant in Vietnam. */
export function toLocalDate(instant: Date): LocalDate {
  return dayNumberToLocalDate(localDayNumber(instant.getTime()));
}

/**
 * Builds the instant of a Vietnam wall-clock time, e.g. `vietnamTime('2025-01-24', '16:30')`.
 * Handy for tests and for reading human-entered times without touching TZ.
 */
export function vietnamTime(date: LocalDate, hhmm: string): Date {
  const minutes = parseClock(hhmm);
  if (minutes === undefined) {
    throw new RangeError(`Giờ không hợp lệ / invalid time: "${hhmm}" (expected HH:MM)`);
  }
  return new Date(dayStartMs(localDateToDayNumber(date)) + minutes * MINUTE_MS);
}

/** `HH:MM` → minutes after midnight; `24:00` is allowed so a session can end at midnight. */
export function parseClock(hhmm: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

export function assertValidDate(value: Date, name: string): number {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Thời điểm không hợp lệ / invalid Date for "${name}"`);
  }
  return ms;
}
