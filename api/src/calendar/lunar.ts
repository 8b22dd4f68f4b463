/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy:
 *
 * 1. A month begins on the local day that contains a new moon.
 * 2. Month 11 is the month containing the December solstice (Sun at 270°).
 * 3. If 13 months separate two month-11s, the first month after month 11
 *    that contains no major solar term (Sun at a multiple of 30°) is a leap
 *    month and repeats the number of the month before it.
 *
 * "Local day" is what makes Vietnam differ from China: since 1968 (North) /
 * 1975 (whole country) Vietnam reckons on the UTC+7 meridian, China on UTC+8,
 * so a new moon or solar term close to midnight can land on different days
 * (Tết 1985 and 2007 are the famous cases). The offset is a parameter so the
 * tests can reproduce both calendars from the same rules.
 */
import { newMoonIndexAtOrBefore, newMoonUtcMs, sunApparentLongitude } from './astronomy.js';
import {
  DAY_MS,
  MINUTE_MS,
  VIETNAM_OFFSET_MINUTES,
  dayNumberToLocalDate,
  localDateToDayNumber,
  type DayNumber,
  type LocalDate,
} from './time.js';

export interface LunarOptions {
  /** Meridian of the calendar in minutes east of UTC; 420 (Vietnam) by default, 480 gives China's. */
  utcOffsetMinutes?: number;
}

export interface LunarMonth {
  /** The lunar year the month belongs to, named by the Gregorian year in which it starts (Tết). */
  lunarYear: number;
  month: number;
  leap: boolean;
  firstDay: LocalDate;
  days: number;
}

export interface LunarDate {
  lunarYear: number;
  month: number;
  day: number;
  leap: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2200;

interface Reckoning {
  monthStartDay(k: number): DayNumber;
  /** Which 30° sector the Sun is in at the first instant of a local day. */
  sunSectorAtDayStart(day: DayNumber): number;
  sunLongitudeAtDayStart(day: DayNumber): number;
}

function reckoning(options: LunarOptions): Reckoning {
  const offsetMs = (options.utcOffsetMinutes ?? VIETNAM_OFFSET_MINUTES) * MINUTE_MS;
  const longitude = (day: DayNumber): number => sunApparentLongitude(day * DAY_MS - offsetMs);
  return {
    monthStartDay: (k) => Math.floor((newMoonUtcMs(k) + offsetMs) / DAY_MS),
    sunLongitudeAtDayStart: longitude,
    sunSectorAtDayStart: (day) => Math.floor(longitude(day) / 30),
  };
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(
      `Năm ngoài phạm vi / year out of range: ${year} (supported ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR})`,
    );
  }
}

/** New-moon index of month 11 of the lunar year that ends in Gregorian `year`'s December. */
function month11Index(year: number, r: Reckoning): number {
  let k = newMoonIndexAtOrBefore(Date.UTC(year, 11, 31));
  // The month holds the solstice when the Sun is short of 270° as the month
  // begins and has reached it by the first day of the next month. Near
  // December the longitude stays within ~240°–300°, so no 360° wrap can occur.
  while (r.sunLongitudeAtDayStart(r.monthStartDay(k)) >= 270) k -= 1;
  while (r.sunLongitudeAtDayStart(r.monthStartDay(k + 1)) < 270) k += 1;
  return k;
}

/** The months from month 11 of lunar year `year − 1` up to (not including) the next month 11. */
function monthsBetweenSolstices(year: number, r: Reckoning): LunarMonth[] {
  const first = month11Index(year - 1, r);
  const next = month11Index(year, r);
  const hasLeap = next - first === 13;
  let leapIndex: number | undefined;
  if (hasLeap) {
    for (let k = first + 1; k < next; k += 1) {
      const sectorHere = r.sunSectorAtDayStart(r.monthStartDay(k));
      if (sectorHere === r.sunSectorAtDayStart(r.monthStartDay(k + 1))) {
        leapIndex = k;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  let number = 11;
  let lunarYear = year - 1;
  for (let k = first; k < next; k += 1) {
    const leap = k === leapIndex;
    if (k !== first && !leap) {
      number = (number % 12) + 1;
      if (number === 1) lunarYear = year;
    }
    const start = r.monthStartDay(k);
    months.push({
      lunarYear,
      month: number,
      leap,
      firstDay: dayNumberToLocalDate(start),
      days: r.monthStartDay(k + 1) - start,
    });
  }
  return months;
}

/** The 12 or 13 months of lunar year `year`, from Tết up to the eve of the next Tết. */
export function lunarMonthsOfYear(year: number, options: LunarOptions = {}): LunarMonth[] {
  assertYear(year);
  const r = reckoning(options);
  return [...monthsBetweenSolstices(year, r), ...monthsBetweenSolstices(year + 1, r)].filter(
    (m) => m.lunarYear === year,
  );
}

/** Gregorian date of a lunar date; throws if that month (or leap month) or day does not exist. */
export function solarDateOfLunar(lunar: LunarDate, options: LunarOptions = {}): LocalDate {
  const month = lunarMonthsOfYear(lunar.lunarYear, options).find(
    (m) => m.month === lunar.month && m.leap === lunar.leap,
  );
  if (!month || !Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > month.days) {
    const label = `${lunar.day}/${lunar.month}${lunar.leap ? ' (nhuận/leap)' : ''}/${lunar.lunarYear}`;
    throw new RangeError(`Ngày âm lịch không tồn tại / no such lunar date: ${label}`);
  }
  return dayNumberToLocalDate(localDateToDayNumber(month.firstDay) + lunar.day - 1);
}

/** Lunar date of a Gregorian (local) date. */
export function lunarDateOf(date: LocalDate, options: LunarOptions = {}): LunarDate {
  const day = localDateToDayNumber(date);
  const year = Number(date.slice(0, 4));
  // A Gregorian date belongs to lunar year `year` or, before Tết, to `year − 1`.
  for (const candidate of [year, year - 1]) {
    if (candidate < LUNAR_MIN_YEAR || candidate > LUNAR_MAX_YEAR) continue;
    for (const m of lunarMonthsOfYear(candidate, options)) {
      const start = localDateToDayNumber(m.firstDay);
      if (day >= start && day < start + m.days) {
        return { lunarYear: m.lunarYear, month: m.month, day: day - start + 1, leap: m.leap };
      }
    }
  }
  throw new RangeError(`Không xác định được ngày âm lịch / cannot place ${date} in a lunar year`);
}

/** Tết Nguyên đán: day 1 of month 1 of lunar year `year`. */
export function lunarNewYear(year: number, options: LunarOptions = {}): LocalDate {
  return solarDateOfLunar({ lunarYear: year, month: 1, day: 1, leap: false }, options);
}

/** Giỗ Tổ Hùng Vương: day 10 of month 3 (never the leap month 3). */
export function hungKingsDay(year: number, options: LunarOptions = {}): LocalDate {
  return solarDateOfLunar({ lunarYear: year, month: 3, day: 10, leap: false }, options);
}
