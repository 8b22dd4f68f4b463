import { readFile } from 'node:fs/promises';
import { isWorkingDay, isWorkingInstant, loadWorkingCalendar, type WorkingCalendar } from '../calendar/index.js';
import type { WorkingCalendarPort } from './evaluate/context.js';

export async function loadCalendarFile(path: string): Promise<WorkingCalendar> {
  return loadWorkingCalendar(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

/** The status engine asks the same Vietnamese working calendar the SLA clocks use. */
export function calendarPort(cal: WorkingCalendar): WorkingCalendarPort {
  return {
    isWorkingDay: (localDate) => isWorkingDay(cal, localDate),
    isWorkingInstant: (ms) => isWorkingInstant(cal, new Date(ms)),
  };
}
