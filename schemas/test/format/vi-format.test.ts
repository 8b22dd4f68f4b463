import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDuration,
  formatHm,
  formatLongDate,
  formatNumber,
  formatPct,
  formatRatio,
  formatSignedPct,
  formatSince,
  formatValue,
  NBSP,
  parseVnDateTime,
} from '../../src/format/vi-format.js';

describe('Vietnamese numbers', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(-0.04, 'vi', 1)).toBe('0,0');
    expect(formatNumber(null)).toBe('—');
  });

  it('formats percentages as "79,5 %" with a non-breaking space', () => {
    expect(formatPct(79.5)).toBe(`79,5${NBSP}%`);
    expect(formatPct(80)).toBe(`80${NBSP}%`);
    expect(formatRatio(0.795)).toBe(`79,5${NBSP}%`);
    expect(formatRatio(0.8)).toBe(`80${NBSP}%`);
    expect(formatRatio(0.99)).toBe(`99${NBSP}%`);
    expect(formatRatio(0.9987)).toBe(`99,9${NBSP}%`);
    expect(formatSignedPct(12.5)).toBe(`+12,5${NBSP}%`);
    expect(formatSignedPct(-3)).toBe(`-3${NBSP}%`);
  });

  it('formats reason values by unit', () => {
    expect(formatValue(0.795, 'ratio')).toBe(`79,5${NBSP}%`);
    expect(formatValue(97.25, 'pct')).toBe(`97,3${NBSP}%`);
    expect(formatValue(1250, 'ms')).toBe(`1.250${NBSP}ms`);
    expect(formatValue(45_000, 'ms')).toBe(`45${NBSP}giây`);
    expect(formatValue(12 * 60_000, 'ms')).toBe(`12${NBSP}phút`);
    expect(formatValue(125 * 60_000, 'ms', 'en')).toBe(`2${NBSP}h 05${NBSP}min`);
    expect(formatValue(3, 'count')).toBe('3');
    expect(formatValue(null, 'pct')).toBe('—');
  });
});

describe('Vietnam time (fixed UTC+7, never the machine TZ)', () => {
  // 09:58:03Z is 16:58:03 in Hà Nội.
  const at = Date.parse('2026-11-23T09:58:03Z');

  it('shows the wall clock in UTC+7', () => {
    expect(formatClock(at)).toBe('16:58:03');
    expect(formatClock('2026-11-23T09:58:03.000Z')).toBe('16:58:03');
    expect(formatHm(at)).toBe('16:58');
    expect(formatClock(null)).toBe('—');
    expect(formatClock('not a date')).toBe('—');
  });

  it('rolls the date over at local midnight, not UTC midnight', () => {
    const late = Date.parse('2026-11-23T17:30:00Z'); // 00:30 on the 24th in Vietnam
    expect(formatDate(late)).toBe('24/11/2026');
    expect(formatLongDate(late)).toBe('Thứ Ba, 24/11/2026');
    expect(formatLongDate(at, 'en')).toBe('Monday, 23/11/2026');
  });

  it('omits the date in "since" when it is today', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(formatSince('2026-11-23T02:05:00Z', now)).toBe('09:05');
    expect(formatSince('2026-11-22T02:05:00Z', now)).toBe('09:05 22/11');
  });

  it('formats SLA countdowns as H:MM:SS', () => {
    expect(formatDuration(3_909_000)).toBe('1:05:09');
    expect(formatDuration(-65_000)).toBe('0:01:05');
    expect(formatDuration(50 * 3600_000)).toBe('50:00:00');
  });
});

describe('deadline typed in Vietnam time', () => {
  it('reads "dd/mm/yyyy hh:mm" as UTC+7 whatever the machine zone', () => {
    expect(parseVnDateTime('24/11/2026 17:00')).toBe('2026-11-24T10:00:00.000Z');
    expect(parseVnDateTime(' 1/2/2027 7h05 ')).toBe('2027-02-01T00:05:00.000Z');
    expect(parseVnDateTime('31/02/2027 10:00')).toBeNull();
    expect(parseVnDateTime('2026-11-24T17:00')).toBeNull();
    expect(parseVnDateTime('')).toBeNull();
  });
});
