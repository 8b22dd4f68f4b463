import { describe, expect, it } from 'vitest';
import { minimalConfig, realCalendar, vn } from '../support/calendar.js';
import {
  holidayOn,
  isWorkingDay,
  isWorkingInstant,
  isYearCovered,
  loadWorkingCalendar,
} from '../../src/calendar/working-calendar.js';

const cal = realCalendar();

describe('isWorkingDay', () => {
  it('treats ordinary weekdays as working and weekends as not', () => {
    expect(isWorkingDay(cal, '2025-03-14')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2025-03-16')).toBe(false); // Sunday
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(isWorkingDay(cal, '2025-04-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-04-19')).toBe(false); // the Saturday before is not
  });

  it('does not count a holiday on a weekday', () => {
    expect(isWorkingDay(cal, '2025-04-07')).toBe(false); // Hùng Kings, Monday
    expect(isWorkingDay(cal, '2025-05-02')).toBe(false); // Friday swapped with 26/4
    expect(isWorkingDay(cal, '2025-09-01')).toBe(false);
    expect(isWorkingDay(cal, '2025-09-03')).toBe(true);
    expect(holidayOn(cal, '2025-04-07')?.name.vi).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(holidayOn(cal, '2025-04-08')).toBeUndefined();
  });

  it('follows a configured six-day week', () => {
    const sixDays = loadWorkingCalendar({ ...minimalConfig(), weekendDays: ['sun'] });
    expect(isWorkingDay(sixDays, '2025-03-15')).toBe(true);
    expect(isWorkingDay(sixDays, '2025-03-16')).toBe(false);
  });

  it('knows which years have holiday data', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((y) => isYearCovered(cal, y))).toEqual([false, true, true, true, false]);
  });
});

describe('isWorkingInstant', () => {
  it.each([
    ['2025-03-14 07:29', false],
    ['2025-03-14 07:30', true],
    ['2025-03-14 11:29', true],
    ['2025-03-14 11:30', false], // lunch break starts
    ['2025-03-14 13:30', true],
    ['2025-03-14 16:59', true],
    ['2025-03-14 17:00', false],
    ['2025-03-15 09:00', false], // Saturday
    ['2025-04-26 09:00', true], // make-up Saturday
    ['2026-02-18 09:00', false], // Tết 2026 (computed)
  ])('%s local → %s', (local, expected) => {
    expect(isWorkingInstant(cal, vn(local))).toBe(expected);
  });

  it('uses Vietnam time, not UTC: 01:00 UTC Monday is 08:00 in Hà Nội', () => {
    expect(isWorkingInstant(cal, new Date('2025-03-17T01:00:00Z'))).toBe(true);
    expect(isWorkingInstant(cal, new Date('2025-03-17T10:00:00Z'))).toBe(false); // 17:00 local
  });

  it('rejects an invalid Date', () => {
    expect(() => isWorkingInstant(cal, new Date('nope'))).toThrow(/invalid Date/);
  });
});
