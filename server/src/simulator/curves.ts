import { vnMidnight } from '@kh02/schemas';
import type { CommuneProfile } from './profiles.js';

/** Share of a day's dossiers received by a local minute: 60 % in the morning session, 40 % in the afternoon. */
export function dayProgress(minuteOfDay: number): number {
  const morning = { from: 7 * 60 + 30, to: 11 * 60 + 30 };
  const afternoon = { from: 13 * 60 + 30, to: 17 * 60 };
  if (minuteOfDay < morning.from) return 0;
  if (minuteOfDay < morning.to) return (0.6 * (minuteOfDay - morning.from)) / (morning.to - morning.from);
  if (minuteOfDay < afternoon.from) return 0.6;
  if (minuteOfDay < afternoon.to) return 0.6 + (0.4 * (minuteOfDay - afternoon.from)) / (afternoon.to - afternoon.from);
  return 1;
}

export interface CumulativeCounts {
  received: number;
  received_online: number;
  processed: number;
  on_time: number;
  late: number;
}

/** Cumulative counts of one unit at a local minute: consistent by construction (online ≤ received, on time + late = processed). */
export function countsAt(p: CommuneProfile, localDate: string, minuteOfDay: number): CumulativeCounts {
  const dayFactor = 0.85 + ((vnMidnight(localDate) / 86_400_000) % 7) * 0.05;
  const received = Math.floor(p.dailyTarget * dayFactor * dayProgress(minuteOfDay));
  const received_online = Math.floor(received * p.onlineShare);
  const processed = Math.floor(received * 0.92);
  const on_time = Math.min(processed, Math.round(processed * p.onTimeShare));
  return { received, received_online, processed, on_time, late: processed - on_time };
}
