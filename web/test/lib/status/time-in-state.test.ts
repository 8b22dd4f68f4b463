import { describe, expect, it } from 'vitest';
import { compactDuration, timeInState } from '../../../src/lib/status/time-in-state';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;

describe('time in state', () => {
  it('says the colour and the minutes in Vietnamese and English', () => {
    expect(timeInState('red', ago(12 * MIN), NOW, 'vi')).toBe('đỏ 12 phút');
    expect(timeInState('red', ago(12 * MIN), NOW, 'en')).toBe('red 12 min');
    expect(timeInState('yellow', ago(30_000), NOW, 'vi')).toBe('vàng < 1 phút');
    // The tile already says "Chưa báo cáo": only how long.
    expect(timeInState('noreport', ago(5 * MIN), NOW, 'vi')).toBe('đã 5 phút');
    expect(timeInState('noreport', ago(5 * MIN), NOW, 'en')).toBe('for 5 min');
  });

  it('gets coarser as it grows: hours and minutes, then hours, then days', () => {
    expect(compactDuration(2 * 60 * MIN + 5 * MIN, 'vi')).toBe('2 giờ 5 phút');
    expect(compactDuration(3 * 60 * MIN, 'vi')).toBe('3 giờ');
    expect(compactDuration(30 * 60 * MIN + 40 * MIN, 'vi')).toBe('30 giờ');
    expect(compactDuration(3 * 24 * 60 * MIN + MIN, 'en')).toBe('3 d');
  });

  it('says nothing when it is unknown: no since, a since ahead of the clock, or stale data', () => {
    expect(timeInState('green', null, NOW, 'vi')).toBeNull();
    expect(timeInState('green', new Date(NOW + MIN).toISOString(), NOW, 'vi')).toBeNull();
    expect(timeInState('stale', ago(MIN), NOW, 'vi')).toBeNull();
  });
});
