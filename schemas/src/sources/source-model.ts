import { z } from 'zod';
import { PullSourceStateSchema } from './pull-state.js';

/*
 * The 07:30 data-source panel (requirement 50; seed 000 L902-904): for every
 * vendor, system and one-stop counter, when the Center last heard from it and
 * whether its data is in sync.
 */

export const SyncStatusSchema = z.enum(['ok', 'late', 'silent']);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** The daily System Health Report for yesterday, due before 08:00 (seed 000 L1719-1722). */
export const DailyReportStatusSchema = z.enum(['ok', 'late', 'pending', 'missing']);
export type DailyReportStatus = z.infer<typeof DailyReportStatusSchema>;

const counts = <T extends z.ZodEnum>(e: T) => z.record(e, z.number().int());

export const SystemSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  unit_code: z.string(),
  critical: z.boolean(),
  /** Newest health sample: when the vendor measured it, and when the Center received it. */
  last_observed_at: z.string().nullable(),
  last_received_at: z.string().nullable(),
  /** Receive time minus measure time of that sample: a large lag means a delayed feed or a wrong clock. */
  lag_s: z.number().nullable(),
  sample_status: SyncStatusSchema,
  daily_report: z.object({
    /** The day the report is due for (yesterday, Vietnam time). */
    for_date: z.string(),
    received_at: z.string().nullable(),
    status: DailyReportStatusSchema,
  }),
});
export type SystemSource = z.infer<typeof SystemSourceSchema>;

export const VendorSourceSchema = z.object({
  code: z.string(),
  name: z.string(),
  systems: z.number().int(),
  samples: counts(SyncStatusSchema),
  daily_reports: counts(DailyReportStatusSchema),
  last_received_at: z.string().nullable(),
  /** Worst of its systems: silent > late > ok. */
  status: SyncStatusSchema,
});
export type VendorSource = z.infer<typeof VendorSourceSchema>;

export const CounterSourceSchema = z.object({
  code: z.string(),
  name: z.string(),
  province_code: z.string(),
  last_interval_end: z.string().nullable(),
  last_received_at: z.string().nullable(),
  status: SyncStatusSchema,
});
export type CounterSource = z.infer<typeof CounterSourceSchema>;

export const ProvinceCountersSchema = z.object({
  code: z.string(),
  name: z.string(),
  expected: z.number().int(),
  statuses: counts(SyncStatusSchema),
  last_received_at: z.string().nullable(),
  status: SyncStatusSchema,
});
export type ProvinceCounters = z.infer<typeof ProvinceCountersSchema>;

export const SourcePanelSchema = z.object({
  generated_at: z.string(),
  /** A counter report received at or after this instant counts as in sync (see docs/operations.md). */
  counters_due_since: z.string(),
  summary: z.object({
    systems: counts(SyncStatusSchema),
    daily_reports: counts(DailyReportStatusSchema),
    counters: counts(SyncStatusSchema),
  }),
  vendors: z.array(VendorSourceSchema),
  systems: z.array(SystemSourceSchema),
  provinces: z.array(ProvinceCountersSchema),
  /** Scheduled fetches of daily reports from vendors that cannot push (empty when none is configured). */
  pulls: z.array(PullSourceStateSchema).default([]),
});
export type SourcePanel = z.infer<typeof SourcePanelSchema>;

/** `GET /api/v1/sources/counters?province=`: each commune-level unit of one province with its last report. */
export const ProvinceCounterListSchema = z.object({
  generated_at: z.string(),
  counters_due_since: z.string(),
  province: z.string(),
  counters: z.array(CounterSourceSchema),
});
export type ProvinceCounterList = z.infer<typeof ProvinceCounterListSchema>;
