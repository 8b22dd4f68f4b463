import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hr, min, realCalendar, vn } from '../support/calendar.js';
import { isWorkingInstant } from '../../src/calendar/working-calendar.js';
import { addWorkingTime, workingTimeBetween } from '../../src/calendar/working-time.js';

const cal = realCalendar();

describe('addWorkingTime', () => {
  it('carries Friday 16:30 + 2 working hours to Monday 09:00', () => {
    // Friday 16:30→17:00 = 30 min, Monday 07:30 + 90 min = 09:00.
    expect(addWorkingTime(cal, vn('2025-03-14 16:30'), hr(2))).toEqual(vn('2025-03-17 09:00'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingTime(cal, vn('2025-03-18 10:30'), hr(2))).toEqual(vn('2025-03-18 14:30'));
    expect(addWorkingTime(cal, vn('2025-03-18 11:30'), min(1))).toEqual(vn('2025-03-18 13:31'));
  });

  it('starts counting at the next session when started outside hours', () => {
    expect(addWorkingTime(cal, vn('2025-03-18 05:00'), min(30))).toEqual(vn('2025-03-18 08:00'));
    expect(addWorkingTime(cal, vn('2025-03-18 12:15'), min(30))).toEqual(vn('2025-03-18 14:00'));
    expect(addWorkingTime(cal, vn('2025-03-15 10:00'), min(30))).toEqual(vn('2025-03-17 08:00'));
  });

  it('ends at 17:00 rather than next morning when the budget runs out at a session end', () => {
    expect(addWorkingTime(cal, vn('2025-03-18 16:30'), min(30))).toEqual(vn('2025-03-18 17:00'));
    expect(addWorkingTime(cal, vn('2025-03-18 07:30'), hr(7.5))).toEqual(vn('2025-03-18 17:00'));
  });

  it('returns the start itself for a zero budget and refuses negative ones', () => {
    expect(addWorkingTime(cal, vn('2025-03-15 10:00'), 0)).toEqual(vn('2025-03-15 10:00'));
    expect(() => addWorkingTime(cal, vn('2025-03-15 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingTime(cal, vn('2025-03-15 10:00'), Number.NaN)).toThrow(RangeError);
  });

  it('jumps over the official Tết 2025 break (25/1–2/2)', () => {
    expect(addWorkingTime(cal, vn('2025-01-24 16:00'), hr(2))).toEqual(vn('2025-02-03 08:30'));
  });

  it('jumps over the computed Tết 2026 break (14/2–22/2)', () => {
    expect(addWorkingTime(cal, vn('2026-02-13 16:00'), hr(2))).toEqual(vn('2026-02-23 08:30'));
  });

  it('works on a make-up Saturday', () => {
    expect(addWorkingTime(cal, vn('2025-04-25 16:00'), hr(2))).toEqual(vn('2025-04-26 08:30'));
  });

  it('skips a holiday that falls on a weekday', () => {
    // Hùng Kings' Day is Monday 7/4/2025.
    expect(addWorkingTime(cal, vn('2025-04-04 16:00'), hr(2))).toEqual(vn('2025-04-08 08:30'));
  });

  it('stops with an error when the calendar has no working time at all', () => {
    const never = {
      ...cal,
      weekendDays: new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const),
      makeUpWorkingDays: new Map(),
    };
    expect(() => addWorkingTime(never, vn('2025-03-18 10:00'), hr(1))).toThrow(/no working time/);
  });
});

describe('workingTimeBetween', () => {
  it('counts only session time', () => {
    expect(workingTimeBetween(cal, vn('2025-03-18 00:00'), vn('2025-03-19 00:00'))).toBe(hr(7.5));
    expect(workingTimeBetween(cal, vn('2025-03-18 11:00'), vn('2025-03-18 14:00'))).toBe(min(60));
    expect(workingTimeBetween(cal, vn('2025-03-14 16:30'), vn('2025-03-17 09:00'))).toBe(hr(2));
  });

  it('is zero across the 30/4–4/5/2025 break and counts the make-up Saturday', () => {
    expect(workingTimeBetween(cal, vn('2025-04-29 17:00'), vn('2025-05-05 07:30'))).toBe(0);
    expect(workingTimeBetween(cal, vn('2025-04-25 17:00'), vn('2025-04-28 07:30'))).toBe(hr(7.5));
  });

  it('is antisymmetric', () => {
    expect(workingTimeBetween(cal, vn('2025-03-17 09:00'), vn('2025-03-14 16:30'))).toBe(-hr(2));
  });
});

describe('properties over 2025–2027', () => {
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 10, 30) }).map((ms) => new Date(ms));
  const budget = fc.integer({ min: 1, max: hr(60) });

  it('measures back exactly what was added', () => {
    fc.assert(
      fc.property(instant, budget, (start, ms) => {
        expect(workingTimeBetween(cal, start, addWorkingTime(cal, start, ms))).toBe(ms);
      }),
    );
  });

  it('lands inside working time or exactly at a session end', () => {
    fc.assert(
      fc.property(instant, budget, (start, ms) => {
        const end = addWorkingTime(cal, start, ms);
        expect(isWorkingInstant(cal, new Date(end.getTime() - 1))).toBe(true);
      }),
    );
  });

  it('adds up over consecutive intervals', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const sum = workingTimeBetween(cal, a, b) + workingTimeBetween(cal, b, c);
        expect(sum).toBe(workingTimeBetween(cal, a, c));
      }),
    );
  });
});
