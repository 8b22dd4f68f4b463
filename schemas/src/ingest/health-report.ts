import { z } from 'zod';
import {
  AlertSchema,
  BitsPerSecondSchema,
  EventIdSchema,
  InstantSchema,
  LocalDateSchema,
  OwnerUnitCodeSchema,
  PercentSchema,
  SystemIdSchema,
  VendorCodeSchema,
} from './primitives.js';

export const PeakLoadSchema = z.strictObject({
  at: InstantSchema,
  cpu_pct: PercentSchema,
  ram_pct: PercentSchema,
  net_in_bps: BitsPerSecondSchema,
  net_out_bps: BitsPerSecondSchema,
});
export type PeakLoad = z.infer<typeof PeakLoadSchema>;

/**
 * The daily System Health Report (Báo cáo trạng thái hệ thống), due before
 * 08:00 for the previous day (seed 000 L1715-1733): uptime, load at the
 * previous day's peak times, performance or security alerts.
 */
export const HealthReportSchema = z.strictObject({
  event_id: EventIdSchema,
  vendor: VendorCodeSchema,
  system_id: SystemIdSchema,
  unit_code: OwnerUnitCodeSchema,
  /** The local (Asia/Ho_Chi_Minh) day the report describes — normally yesterday. */
  report_date: LocalDateSchema,
  uptime_pct: PercentSchema,
  peaks: z.array(PeakLoadSchema).min(1).max(24),
  alerts: z.array(AlertSchema).max(100).optional(),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;
