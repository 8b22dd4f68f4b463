import { z } from 'zod';

/**
 * GET /api/v1/vendors — vendor accountability (issue 17 §10): per IT
 * enterprise (VNPT, Viettel, FPT, …) its systems and how many are red now,
 * the work tickets routed to it, how fast it acknowledged and resolved them,
 * and whether its daily System Health Reports arrived on time.
 */
export const VendorTicketStatsSchema = z.object({
  /** Tickets routed to the vendor in the window (or still open). */
  total: z.number().int(),
  open: z.number().int(),
  /** Of total: any SLA clock breached or missed, or escalated. */
  breached: z.number().int(),
  acknowledged: z.number().int(),
  resolved: z.number().int(),
  /** Mean time from being assigned the ticket to acknowledging it, in ms; null with none acknowledged. */
  mtta_ms: z.number().nullable(),
  /** Mean time from being assigned the ticket to reporting it done, in ms; null with none resolved. */
  mttr_ms: z.number().nullable(),
});
export type VendorTicketStats = z.infer<typeof VendorTicketStatsSchema>;

export const VendorReportingSchema = z.object({
  /** One report per system per day, from the vendor's first day of data in the window to yesterday. */
  expected: z.number().int(),
  on_time: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** on_time / expected; null when nothing was expected yet. */
  ratio: z.number().nullable(),
});
export type VendorReporting = z.infer<typeof VendorReportingSchema>;

export const VendorRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  name_en: z.string(),
  systems: z.number().int(),
  systems_red: z.number().int(),
  systems_yellow: z.number().int(),
  systems_noreport: z.number().int(),
  /** The systems red now, so the page can name them. */
  red_systems: z.array(z.object({ id: z.string(), name: z.string(), name_en: z.string(), unit_code: z.string() })),
  tickets: VendorTicketStatsSchema,
  daily_reports: VendorReportingSchema,
});
export type VendorRow = z.infer<typeof VendorRowSchema>;

export const VendorAccountabilitySchema = z.object({
  generated_at: z.string(),
  window_days: z.number().int(),
  /** First and last report day judged (local dates). */
  from_date: z.string(),
  to_date: z.string(),
  /** When a day's report is due, the next morning (local HH:MM). */
  report_due_local: z.string(),
  /** Worst first: red systems, then breached tickets, then late reporting. */
  vendors: z.array(VendorRowSchema),
});
export type VendorAccountability = z.infer<typeof VendorAccountabilitySchema>;
