import { addDays, formatHm, vnLocalDate, vnMidnight, vnMinuteOfDay } from '@kh02/schemas';

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
  /** The day whose counts the wall shows: today once its working day has started, otherwise the last working day. */
  reportingDay: string;
  /** The working day before today (counters must have closed it with an end-of-day report). */
  previousWorkingDay: string;
}

export function parseHHMM(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Instant of a local HH:MM on a local date. */
export function localTimeOn(localDate: string, hhmm: string): number {
  return vnMidnight(localDate) + parseHHMM(hhmm) * 60_000;
}

/** The last working day strictly before `localDate` (two weeks back at most: Tết is the longest break). */
export function workingDayBefore(localDate: string, calendar: WorkingCalendarPort): string {
  let d = addDays(localDate, -1);
  for (let i = 0; i < 14 && !calendar.isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

export function makeContext(now: number, calendar: WorkingCalendarPort, dayStartLocal = '07:30'): EvalContext {
  const today = vnLocalDate(now);
  const minuteOfDay = vnMinuteOfDay(now);
  const workingDay = calendar.isWorkingDay(today);
  const started = workingDay && minuteOfDay >= parseHHMM(dayStartLocal);
  const previousWorkingDay = workingDayBefore(today, calendar);
  return {
    now,
    today,
    yesterday: addDays(today, -1),
    minuteOfDay,
    localHour: Math.floor(minuteOfDay / 60),
    workingDay,
    workingInstant: calendar.isWorkingInstant(now),
    reportingDay: started ? today : previousWorkingDay,
    previousWorkingDay,
  };
}

/** The oldest local day whose counts the engine keeps: yesterday, or the last working day if that is earlier. */
export function earliestCounterDay(now: number, calendar: WorkingCalendarPort): string {
  const today = vnLocalDate(now);
  const yesterday = addDays(today, -1);
  const previous = workingDayBefore(today, calendar);
  return previous < yesterday ? previous : yesterday;
}

/** When something happened, for a reason's text: "16:05" today, "16:05 ngày 03/12" (en "16:05 on 03/12") before. */
export function whenText(ms: number, today: string, lang: 'vi' | 'en'): string {
  const day = vnLocalDate(ms);
  if (day === today) return formatHm(ms);
  const [, m, d] = day.split('-');
  return lang === 'vi' ? `${formatHm(ms)} ngày ${d}/${m}` : `${formatHm(ms)} on ${d}/${m}`;
}
