import { addDays, type VendorReporting } from '@kh02/schemas';
import { localTimeOn } from '../status/evaluate/context.js';

/** A system's daily report as stored: its day and when it first arrived. */
export interface ReportArrival {
  system_id: string;
  report_date: string;
  first_received_ms: number;
}

export interface TimelinessInput {
  /** The vendor's registered systems. */
  systemIds: readonly string[];
  arrivals: readonly ReportArrival[];
  /** The window's first and last report day (the last is yesterday: today's report is not due yet). */
  fromDate: string;
  toDate: string;
  /** The vendor's first local day with any data (sample or report); days before it are not held against it. */
  firstSeenDate: string | null;
  /** The report for day D is due at this local time on D + 1 (the 08:00 SHR). */
  dueLocal: string;
}

/**
 * Whether the vendor's daily reports came on time: one expected per system
 * per day from the later of the window's start and the vendor's first day of
 * data, to yesterday. A report after its due time is late; none is missing.
 * A vendor never heard from at all is judged over the whole window.
 */
export function reportTimeliness(i: TimelinessInput): VendorReporting {
  const start = i.firstSeenDate !== null && i.firstSeenDate > i.fromDate ? i.firstSeenDate : i.fromDate;
  const days: string[] = [];
  for (let d = start; d <= i.toDate; d = addDays(d, 1)) days.push(d);
  const systems = new Set(i.systemIds);
  const first = new Map<string, number>();
  for (const a of i.arrivals) {
    if (!systems.has(a.system_id) || a.report_date < start || a.report_date > i.toDate) continue;
    const key = `${a.system_id}|${a.report_date}`;
    first.set(key, Math.min(first.get(key) ?? Infinity, a.first_received_ms));
  }
  let onTime = 0;
  let late = 0;
  for (const day of days) {
    const due = localTimeOn(addDays(day, 1), i.dueLocal);
    for (const id of systems) {
      const at = first.get(`${id}|${day}`);
      if (at === undefined) continue;
      if (at <= due) onTime += 1;
      else late += 1;
    }
  }
  const expected = days.length * systems.size;
  return {
    expected,
    on_time: onTime,
    late,
    missing: expected - onTime - late,
    ratio: expected === 0 ? null : onTime / expected,
  };
}
