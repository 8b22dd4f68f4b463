import { randomUUID } from 'node:crypto';
import { vnMidnight, type HealthReport } from '@kh02/schemas';
import type { SystemProfile } from './profiles.js';

/** A demo system's System Health Report for `day`: uptime and the 10:00 / 16:00 peaks. */
export function dailyReportOf(s: SystemProfile, day: string): HealthReport {
  const peakAt = (h: number) => new Date(vnMidnight(day) + h * 3_600_000).toISOString();
  return {
    event_id: randomUUID(),
    vendor: s.vendor,
    system_id: s.id,
    unit_code: s.unitCode,
    report_date: day,
    uptime_pct: s.trouble === 'overloaded' ? 98.7 : 99.95,
    peaks: [10, 16].map((h) => ({
      at: peakAt(h),
      cpu_pct: Math.min(100, s.cpuBase + 25),
      ram_pct: Math.min(100, s.ramBase + 15),
      net_in_bps: 9e7,
      net_out_bps: 6e7,
    })),
  };
}
