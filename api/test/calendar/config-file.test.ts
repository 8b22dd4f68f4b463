import { describe, expect, it } from 'vitest';
import { workingCalendarConfigSchema, type HolidayEntry } from '../../src/calendar/config-schema.js';
import { proposeHolidays } from '../../src/calendar/holiday-proposal.js';
import { hungKingsDay, lunarNewYear } from '../../src/calendar/lunar.js';
import { readConfigJson } from '../support/calendar.js';

const config = workingCalendarConfigSchema.parse(readConfigJson());
const yearEntry = (year: number) => config.years.find((y) => y.year === year);
const containing = (holidays: readonly HolidayEntry[], date: string) =>
  holidays.find((h) => h.from <= date && date <= h.to);

describe('config/working-calendar.json', () => {
  it('covers 2025, 2026 and 2027 with the handbook sessions', () => {
    expect(config.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(config.sessions).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(config.weekendDays).toEqual(['sat', 'sun']);
  });

  it('holds the official 2025 schedule, all verified', () => {
    const y2025 = yearEntry(2025);
    expect(y2025?.holidays.map((h) => [h.from, h.to, h.verified])).toEqual([
      ['2025-01-01', '2025-01-01', true],
      ['2025-01-25', '2025-02-02', true],
      ['2025-04-07', '2025-04-07', true],
      ['2025-04-30', '2025-05-04', true],
      ['2025-09-01', '2025-09-02', true],
    ]);
    expect(y2025?.makeUpWorkingDays.map((m) => [m.date, m.verified])).toEqual([['2025-04-26', true]]);
  });

  it.each([2025, 2026, 2027])('%i: the Tết and Hùng Kings entries contain the computed lunar dates', (year) => {
    const holidays = yearEntry(year)?.holidays ?? [];
    expect(containing(holidays, lunarNewYear(year))?.name.vi).toMatch(/^Tết Nguyên đán/);
    expect(containing(holidays, hungKingsDay(year))?.name.vi).toMatch(/^Giỗ Tổ Hùng Vương/);
  });

  it.each([2026, 2027])('%i is the unverified computed proposal, flagged for checking', (year) => {
    const entry = yearEntry(year);
    expect(entry?.holidays).toEqual(proposeHolidays(year).holidays);
    expect(entry?.makeUpWorkingDays).toEqual([]);
    for (const h of entry?.holidays ?? []) {
      expect(h.verified).toBe(false);
      expect(h.note).toMatch(/official decision/);
    }
  });
});
