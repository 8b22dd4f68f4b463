import { describe, expect, it } from 'vitest';
import {
  hungKingsDay,
  lunarDateOf,
  lunarMonthsOfYear,
  lunarNewYear,
  solarDateOfLunar,
} from '../../src/calendar/lunar.js';

const CHINA = { utcOffsetMinutes: 480 };

describe('Tết Nguyên đán (Vietnamese calendar, UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('Tết %i is %s', (year, expected) => {
    expect(lunarNewYear(year)).toBe(expected);
  });

  it('puts Tết 2030 on 2 February, one day before China', () => {
    // The new moon is 2030-02-02 16:07 UT: 23:07 in Hà Nội, 00:07 on the 3rd in Beijing.
    // Lists that print 2030-02-03 for Vietnam copy the Chinese calendar.
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(lunarNewYear(2030, CHINA)).toBe('2030-02-03');
  });

  it.each([
    // The years the UTC+7 meridian makes Vietnam differ from China.
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
  ])('Tết %i: Vietnam %s, China %s', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year, CHINA)).toBe(china);
  });

  it('always falls between 21 January and 20 February', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year}: ${tet}`).toBe(true);
    }
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('%i is %s', (year, expected) => {
    expect(hungKingsDay(year)).toBe(expected);
  });

  it('is pushed late by a leap month 2 (2023: Saturday 29 April)', () => {
    expect(hungKingsDay(2023)).toBe('2023-04-29');
  });

  it('uses the regular month 3, not the leap month 3 that follows it', () => {
    const leap = lunarMonthsOfYear(1993).find((m) => m.leap);
    expect(leap?.month).toBe(3);
    expect(hungKingsDay(1993) < (leap?.firstDay ?? '')).toBe(true);
    expect(lunarDateOf(hungKingsDay(1993))).toEqual({ lunarYear: 1993, month: 3, day: 10, leap: false });
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
  ])('lunar year %i has leap month %i starting %s', (year, month, firstDay) => {
    const leaps = lunarMonthsOfYear(year).filter((m) => m.leap);
    expect(leaps).toHaveLength(1);
    expect(leaps[0]).toMatchObject({ month, firstDay });
  });

  it('finds China’s leap month 10 of 1984 with the UTC+8 meridian, where Vietnam leapt elsewhere', () => {
    expect(lunarMonthsOfYear(1984, CHINA).find((m) => m.leap)?.month).toBe(10);
    expect(lunarMonthsOfYear(1984).some((m) => m.leap && m.month === 10)).toBe(false);
  });

  it('settles the "2033 problem" as the published Chinese calendar does: leap month 11', () => {
    // The September 2033 equinox falls minutes before a month start, the closest call of the century.
    expect(lunarMonthsOfYear(2033, CHINA).find((m) => m.leap)).toMatchObject({ month: 11, firstDay: '2033-12-22' });
  });

  it('gives every year 12 or 13 months of 29 or 30 days, numbered in order', () => {
    for (let year = 2000; year <= 2050; year += 1) {
      const months = lunarMonthsOfYear(year);
      expect([12, 13]).toContain(months.length);
      expect(months.filter((m) => !m.leap).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (const m of months) expect([29, 30]).toContain(m.days);
    }
  });
});

describe('conversions', () => {
  it('names the eve of Tết', () => {
    expect(lunarDateOf('2025-01-28')).toEqual({ lunarYear: 2024, month: 12, day: 29, leap: false });
    expect(lunarDateOf('2024-02-09')).toEqual({ lunarYear: 2023, month: 12, day: 30, leap: false });
  });

  it('round-trips every day of 2025–2027', () => {
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(solarDateOfLunar(lunarDateOf(iso))).toBe(iso);
    }
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => solarDateOfLunar({ lunarYear: 2026, month: 3, day: 10, leap: true })).toThrow(/no such lunar date/);
    expect(() => solarDateOfLunar({ lunarYear: 2025, month: 1, day: 31, leap: false })).toThrow(RangeError);
    expect(() => lunarNewYear(1800)).toThrow(/out of range/);
  });
});
