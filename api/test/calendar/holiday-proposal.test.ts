import { describe, expect, it } from 'vitest';
import { proposeHolidays } from '../../src/calendar/holiday-proposal.js';
import { hungKingsDay } from '../../src/calendar/lunar.js';
import { minimalConfig } from '../support/calendar.js';
import { loadWorkingCalendar } from '../../src/calendar/working-calendar.js';

const span = (year: number, vi: string): string | undefined => {
  const h = proposeHolidays(year).holidays.find((entry) => entry.name.vi.startsWith(vi));
  return h && `${h.from}..${h.to}`;
};

describe('proposeHolidays', () => {
  it.each([
    // Officially announced public-sector Tết breaks.
    [2018, '2018-02-14..2018-02-20'],
    [2019, '2019-02-02..2019-02-10'],
    [2020, '2020-01-23..2020-01-29'],
    [2021, '2021-02-10..2021-02-16'],
    [2022, '2022-01-29..2022-02-06'],
    [2023, '2023-01-20..2023-01-26'],
    [2024, '2024-02-08..2024-02-14'],
    [2025, '2025-01-25..2025-02-02'],
  ])('reproduces the official Tết break of %i (%s)', (year, expected) => {
    expect(span(year, 'Tết Nguyên đán')).toBe(expected);
  });

  it.each([
    // Since 2021 National Day is 2/9 plus 1/9 or 3/9.
    [2021, '2021-09-02..2021-09-05'],
    [2022, '2022-09-01..2022-09-04'],
    [2023, '2023-09-01..2023-09-04'],
    [2024, '2024-08-31..2024-09-03'],
    [2025, '2025-08-30..2025-09-02'],
  ])('reproduces the official National Day break of %i (%s)', (year, expected) => {
    expect(span(year, 'Quốc khánh')).toBe(expected);
  });

  it('moves Hùng Kings’ Day 2026 (a Sunday) to Monday 27/4', () => {
    expect(hungKingsDay(2026)).toBe('2026-04-26');
    expect(span(2026, 'Giỗ Tổ')).toBe('2026-04-25..2026-04-27');
  });

  it('gives a weekend legal day that collides with another holiday its own compensatory entry', () => {
    // 2023: Hùng Kings on Saturday 29/4 and 30/4 on Sunday both owe a weekday after 1/5.
    const names = proposeHolidays(2023).holidays.map((h) => `${h.from}..${h.to} ${h.name.en}`);
    expect(names).toContain("2023-05-02..2023-05-02 Compensatory day off: Hùng Kings' Commemoration Day");
    expect(names).toContain(
      '2023-05-03..2023-05-03 Compensatory day off: Reunification Day and International Labour Day',
    );
  });

  it('never guesses make-up days and always marks entries unverified', () => {
    const entry = proposeHolidays(2027);
    expect(entry.makeUpWorkingDays).toEqual([]);
    expect(entry.holidays.every((h) => !h.verified)).toBe(true);
  });

  it('yields a valid, overlap-free config for every year 2000–2100', () => {
    const years = Array.from({ length: 101 }, (_, i) => proposeHolidays(2000 + i));
    expect(() => loadWorkingCalendar({ ...minimalConfig(), years })).not.toThrow();
  });
});
