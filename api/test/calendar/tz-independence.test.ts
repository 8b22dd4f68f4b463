import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lunarNewYear } from '../../src/calendar/lunar.js';
import { slaDeadlines } from '../../src/calendar/sla-clock.js';
import { realCalendar, vn } from '../support/calendar.js';
import { toLocalDate } from '../../src/calendar/time.js';
import { isWorkingDay, isWorkingInstant } from '../../src/calendar/working-calendar.js';

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function fingerprint(): string {
  const cal = realCalendar();
  return JSON.stringify([
    slaDeadlines(cal, 'P3', vn('2025-03-14 16:30')),
    slaDeadlines(cal, 'P4', vn('2026-02-13 16:00')),
    isWorkingInstant(cal, vn('2025-04-26 07:30')),
    isWorkingDay(cal, '2025-04-07'),
    toLocalDate(new Date('2025-01-24T17:00:00Z')),
    lunarNewYear(2030),
  ]);
}

describe('independence from the machine time zone', () => {
  it('gives identical answers under UTC, New York, Kiritimati (UTC+14) and Hà Nội', () => {
    const results = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'].map((tz) => {
      process.env.TZ = tz;
      return { offset: new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset(), value: fingerprint() };
    });
    // Guard against a runtime that ignores TZ changes, which would make this test vacuous.
    expect(new Set(results.map((r) => r.offset)).size).toBe(4);
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
  });

  it('uses no local-time Date accessors in the module sources', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const localAccessor =
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale\w*\(/;
    for (const file of sources) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(localAccessor);
    }
  });
});
