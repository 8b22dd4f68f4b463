import { addDays, vnLocalDate, vnMidnight, vnMinuteOfDay } from '@kh02/schemas';

/** Working-calendar questions the status engine asks (the SLA calendar answers them). */
export interface WorkingCalendarPort {
  isWorkingDay(localDate: string): boolean;
  isWorkingInstant(ms: number): boolean;
}

/** Everything time-dependent an evaluation needs, computed once per pass. */
export interface EvalContext {
  now: number;
  today: string;
  yesterday: string;
  minuteOfDay: number;
  localHour: number;
  workingDay: boolean;
  workingInstant: boolean;
  /** The day whose counts the wall shows: today once it has started, otherwise the previous day. */
  reportingDay: string;
}

export function parseHHMM(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Instant of a local HH:MM on a local date. */
export function localTimeOn(localDate: string, hhmm: string): number {
  return vnMidnight(localDate) + parseHHMM(hhmm) * 60_000;
}

export function makeContext(now: number, calendar: WorkingCalendarPort, dayStartLocal = '07:30'): EvalContext {
  const today = vnLocalDate(now);
  const minuteOfDay = vnMinuteOfDay(now);
  const workingDay = calendar.isWorkingDay(today);
  const started = workingDay && minuteOfDay >= parseHHMM(dayStartLocal);
  return {
    now,
    today,
    yesterday: addDays(today, -1),
    minuteOfDay,
    localHour: Math.floor(minuteOfDay / 60),
    workingDay,
    workingInstant: calendar.isWorkingInstant(now),
    reportingDay: started ? today : addDays(today, -1),
  };
}
