import { describe, expect, it } from 'vitest';
import {
  dayNumberToLocalDate,
  localDateToDayNumber,
  parseClock,
  parseLocalDate,
  toLocalDate,
  vietnamTime,
  weekdayOf,
} from '../../src/calendar/time.js';

describe('UTC+7 local time', () => {
  it('places 17:00 UTC on the next Vietnamese day', () => {
    expect(toLocalDate(new Date('2025-01-24T16:59:59.999Z'))).toBe('2025-01-24');
    expect(toLocalDate(new Date('2025-01-24T17:00:00Z'))).toBe('2025-01-25');
  });

  it('builds Vietnamese wall-clock instants without the machine TZ', () => {
    expect(vietnamTime('2025-03-14', '16:30').toISOString()).toBe('2025-03-14T09:30:00.000Z');
    expect(vietnamTime('2025-03-14', '00:00').toISOString()).toBe('2025-03-13T17:00:00.000Z');
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseLocalDate('2025-02-29')).toBeUndefined();
    expect(parseLocalDate('2024-02-29')).toBeDefined();
    expect(parseLocalDate('2025-13-01')).toBeUndefined();
    expect(parseLocalDate('25-01-01')).toBeUndefined();
    expect(() => localDateToDayNumber('2025-02-30')).toThrow(/invalid date/);
  });

  it('round-trips day numbers and knows weekdays', () => {
    const day = localDateToDayNumber('2026-02-17');
    expect(dayNumberToLocalDate(day)).toBe('2026-02-17');
    expect(weekdayOf(day)).toBe('tue');
    expect(weekdayOf(localDateToDayNumber('2025-04-26'))).toBe('sat');
  });

  it('parses HH:MM clock times up to 24:00', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeUndefined();
    expect(parseClock('12:60')).toBeUndefined();
    expect(parseClock('7:30')).toBeUndefined();
  });
});
