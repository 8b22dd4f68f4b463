/**
 * A computed draft of a year's public holidays, for years whose official
 * schedule is not decided (or not yet checked). Labour Code 2019 art. 112
 * fixes the legal days; art. 111(3) moves a legal day that falls on the
 * weekly rest day to the next working day. The Tết window "2 days before
 * mùng 1 + mùng 1–3" reproduces the official breaks of 2020–2026. Swapped
 * working days (làm bù) are political choices and are never guessed here.
 */
import type { HolidayEntry, YearEntry } from './config-schema.js';
import { hungKingsDay, lunarNewYear } from './lunar.js';
import { dayNumberToLocalDate, localDateToDayNumber, weekdayOf, type DayNumber, type Weekday } from './time.js';

export const UNVERIFIED_NOTE =
  'Tính tự động theo quy tắc mặc định, phải đối chiếu với thông báo chính thức của Thủ tướng / Bộ Nội vụ. ' +
  'Computed by the default rule; check against the official decision.';

interface Block {
  vi: string;
  en: string;
  legal: DayNumber[];
}

const day = (iso: string): DayNumber => localDateToDayNumber(iso);

/** Which neighbour of 2/9 is the second National Day holiday (decided yearly since 2021). */
function nationalDayPair(year: number, isWeekend: (d: DayNumber) => boolean): DayNumber[] {
  const sep1 = day(`${year}-09-01`);
  const sep2 = sep1 + 1;
  const sep3 = sep1 + 2;
  // Past decisions pick the side that bridges to a weekend and never a weekend day itself.
  const useSep3 = isWeekend(sep1) || (isWeekend(sep3 + 1) && !isWeekend(sep3));
  return useSep3 ? [sep2, sep3] : [sep1, sep2];
}

function blocksOf(year: number, isWeekend: (d: DayNumber) => boolean): Block[] {
  const tet = day(lunarNewYear(year));
  return [
    { vi: 'Tết Dương lịch', en: "New Year's Day", legal: [day(`${year}-01-01`)] },
    {
      vi: 'Tết Nguyên đán',
      en: 'Lunar New Year (Tết)',
      legal: [tet - 2, tet - 1, tet, tet + 1, tet + 2],
    },
    {
      vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      en: "Hùng Kings' Commemoration Day",
      legal: [day(hungKingsDay(year))],
    },
    {
      vi: 'Ngày Chiến thắng và Quốc tế Lao động',
      en: 'Reunification Day and International Labour Day',
      legal: [day(`${year}-04-30`), day(`${year}-05-01`)],
    },
    { vi: 'Quốc khánh', en: 'National Day', legal: nationalDayPair(year, isWeekend) },
  ];
}

/** Legal days plus the compensatory days owed for those that fall on a weekend. */
function daysOff(block: Block, isFree: (d: DayNumber) => boolean, isWeekend: (d: DayNumber) => boolean): DayNumber[] {
  const off = [...block.legal];
  let owed = block.legal.filter(isWeekend).length;
  let cursor = Math.max(...block.legal) + 1;
  while (owed > 0) {
    if (!isWeekend(cursor) && isFree(cursor)) {
      off.push(cursor);
      owed -= 1;
    }
    cursor += 1;
  }
  return off.sort((a, b) => a - b);
}

/** Splits days off into runs; a gap made only of free weekend days does not break a run. */
function runsOf(days: readonly DayNumber[], bridges: (d: DayNumber) => boolean): [DayNumber, DayNumber][] {
  const runs: [DayNumber, DayNumber][] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    let joinable = last !== undefined;
    for (let g = (last?.[1] ?? d) + 1; joinable && g < d; g += 1) joinable = bridges(g);
    if (last && joinable) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/** A draft year entry (all `verified: false`) for `year`. */
export function proposeHolidays(year: number, weekendDays: readonly Weekday[] = ['sat', 'sun']): YearEntry {
  const weekend = new Set(weekendDays);
  const isWeekend = (d: DayNumber): boolean => weekend.has(weekdayOf(d));
  const blocks = blocksOf(year, isWeekend);
  const taken = new Set<DayNumber>(blocks.flatMap((b) => b.legal));
  const holidays: HolidayEntry[] = [];
  for (const block of blocks) {
    const own = new Set(block.legal);
    const off = daysOff(block, (d) => !taken.has(d), isWeekend);
    off.forEach((d) => taken.add(d));
    const free = (d: DayNumber): boolean => isWeekend(d) && (!taken.has(d) || own.has(d));
    runsOf(off, free).forEach(([from, to], i) => {
      // Widening to touching weekend days only makes the entry read like the official notice.
      let start = from;
      let end = to;
      while (free(start - 1)) start -= 1;
      while (free(end + 1)) end += 1;
      for (let d = start; d <= end; d += 1) taken.add(d);
      holidays.push({
        from: dayNumberToLocalDate(start),
        to: dayNumberToLocalDate(end),
        name:
          i === 0
            ? { vi: block.vi, en: block.en }
            : { vi: `Nghỉ bù ${block.vi}`, en: `Compensatory day off: ${block.en}` },
        verified: false,
        note: UNVERIFIED_NOTE,
      });
    });
  }
  holidays.sort((a, b) => a.from.localeCompare(b.from));
  return { year, holidays, makeUpWorkingDays: [] };
}
