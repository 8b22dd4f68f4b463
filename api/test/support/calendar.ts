/** Shared fixtures for the calendar tests (not part of the public API). */
import { readFileSync } from 'node:fs';
import type { WorkingCalendarConfig } from '../../src/calendar/config-schema.js';
import { HOUR_MS, MINUTE_MS, vietnamTime } from '../../src/calendar/time.js';
import { loadWorkingCalendar, type WorkingCalendar } from '../../src/calendar/working-calendar.js';

export const CONFIG_PATH = new URL('../../../config/working-calendar.json', import.meta.url);

export function readConfigJson(): unknown {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8'));
}

/** The real config file, so tests prove what production will use. */
export function realCalendar(): WorkingCalendar {
  return loadWorkingCalendar(readConfigJson());
}

/** A minimal valid config that a test can break one field at a time. */
export function minimalConfig(): WorkingCalendarConfig {
  return {
    timeZone: 'Asia/Ho_Chi_Minh',
    weekendDays: ['sat', 'sun'],
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    years: [
      {
        year: 2025,
        holidays: [
          {
            from: '2025-01-01',
            to: '2025-01-01',
            name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
            verified: true,
          },
        ],
        makeUpWorkingDays: [],
      },
    ],
  };
}

/** Vietnam wall-clock instant: `vn('2025-03-14 16:30')`. */
export function vn(dateTime: string): Date {
  const [date = '', time = ''] = dateTime.split(' ');
  return vietnamTime(date, time);
}

export const min = (n: number): number => n * MINUTE_MS;
export const hr = (n: number): number => n * HOUR_MS;
