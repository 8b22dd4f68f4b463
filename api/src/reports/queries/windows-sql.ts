import type { ReportWindows } from '../report-calendar.js';

/** A DateTime64(3, 'UTC') query parameter. */
export function chInstant(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Query parameters shared by every report query: the three windows and the data cut-off. */
export function windowParams(w: ReportWindows, dataCutoffMs: number) {
  const lo = w.previous_period.from < w.cumulative_from ? w.previous_period.from : w.cumulative_from;
  return {
    p_from: w.period.from,
    p_to: w.period.to,
    q_from: w.previous_period.from,
    q_to: w.previous_period.to,
    c_from: w.cumulative_from,
    lo,
    cutoff: chInstant(dataCutoffMs),
  };
}

/** `sumIf` / `countIf` conditions for a `day` column, in the order period, previous, cumulative. */
export const IN_PERIOD = (day: string) => `${day} BETWEEN {p_from:Date} AND {p_to:Date}`;
export const IN_PREVIOUS = (day: string) => `${day} BETWEEN {q_from:Date} AND {q_to:Date}`;
export const IN_CUMULATIVE = (day: string) => `${day} BETWEEN {c_from:Date} AND {p_to:Date}`;

export interface WindowCounts {
  period: number;
  previous: number;
  cumulative: number;
}
