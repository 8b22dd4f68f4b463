import { LocalDateSchema } from '../ingest/primitives.js';
import { z } from 'zod';

/**
 * The Phụ lục VII report (seed-digest §7.1) as data: one scope block for the
 * whole country and one per province, each indicator with its value for the
 * period, the cumulative value (lũy kế) and the previous period's value, so
 * "so với ngày hôm trước" is always computable. Rates keep their numerator
 * and denominator so anyone can check them.
 *
 * This is also the stored snapshot format: bump REPORT_SCHEMA_VERSION when a
 * field changes meaning, and keep the parser for older versions.
 */
export const REPORT_SCHEMA_VERSION = 1;

export const REPORT_KINDS = ['daily', 'weekly'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const DateRangeSchema = z.object({ from: LocalDateSchema, to: LocalDateSchema });
export type DateRange = z.infer<typeof DateRangeSchema>;

export const CountTripleSchema = z.object({
  period: z.number().int(),
  previous: z.number().int(),
  cumulative: z.number().int(),
});
export type CountTriple = z.infer<typeof CountTripleSchema>;

export const RatioSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** numerator / denominator; null when nothing was counted. */
  value: z.number().nullable(),
});
export type Ratio = z.infer<typeof RatioSchema>;

export const TargetSchema = z.object({ comparator: z.enum(['>', '>=']), value: z.number() });
export type Target = z.infer<typeof TargetSchema>;

export const RateTripleSchema = z.object({
  period: RatioSchema,
  previous: RatioSchema,
  cumulative: RatioSchema,
  /** Period minus previous, in percentage points. */
  change_pp: z.number().nullable(),
  /** Whether the period value meets the target; null without data. */
  meets_target: z.boolean().nullable(),
});
export type RateTriple = z.infer<typeof RateTripleSchema>;

export const ProcedureRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  period: z.number().int(),
  previous: z.number().int(),
  cumulative: z.number().int(),
});
export type ProcedureRow = z.infer<typeof ProcedureRowSchema>;

export const HotIssueSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['province', 'commune', 'agency', 'system']),
  /** When the unit turned red (its latest colour change at or before the cut-off). */
  since: z.string(),
  /** Vietnamese reasons, most important first. */
  reasons: z.array(z.string()),
});
export type HotIssue = z.infer<typeof HotIssueSchema>;

export const ScopeReportSchema = z.object({
  scope: z.object({ code: z.string(), name: z.string(), kind: z.enum(['national', 'province']) }),
  dossiers: z.object({
    received: CountTripleSchema,
    received_online: CountTripleSchema,
    processed: CountTripleSchema,
    on_time: CountTripleSchema,
  }),
  /** Commune-level units (incl. the provincial centre) with at least one counter report in the period. */
  reporting_units: z.object({ reported: z.number().int(), expected: z.number().int() }),
  online_rate: RateTripleSchema,
  on_time_rate: RateTripleSchema,
  top_procedures: z.array(ProcedureRowSchema).max(5),
  incidents: z.object({
    technical: CountTripleSchema,
    process: CountTripleSchema,
    resolved: CountTripleSchema,
  }),
  hot_issues: z.array(HotIssueSchema),
});
export type ScopeReport = z.infer<typeof ScopeReportSchema>;

/** Plan 02 task progress in the report (state when the report was computed; absent in reports made before it existed). */
export const TaskReportSectionSchema = z.object({
  as_of: z.string(),
  assignments: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  newly_completed_count: z.number().int(),
  /** Assignments reported completed within the report's period (the first 20). */
  newly_completed: z.array(z.object({ task: z.number().int(), unit_code: z.string(), unit_name: z.string() })),
  /** Units with the most overdue tasks, worst first. */
  overdue_units: z.array(z.object({ unit_code: z.string(), unit_name: z.string(), overdue: z.number().int() })),
  /** Open difficulties classed cross-sector or institutional / beyond authority. */
  needs_direction: z.array(
    z.object({
      task: z.number().int(),
      unit_code: z.string(),
      unit_name: z.string(),
      class: z.enum(['internal', 'cross_sector', 'institutional']),
      text: z.string(),
    }),
  ),
});
export type TaskReportSection = z.infer<typeof TaskReportSectionSchema>;

export const ReportSchema = z.object({
  schema_version: z.literal(REPORT_SCHEMA_VERSION),
  kind: ReportKindSchema,
  /** The local date of the cut-off (the day the report is issued). */
  report_date: LocalDateSchema,
  cutoff_at: z.string(),
  /** Only data received at or before this instant is counted (= cutoff_at once frozen). */
  data_as_of: z.string(),
  period: DateRangeSchema,
  previous_period: DateRangeSchema,
  cumulative_from: LocalDateSchema,
  targets: z.object({ online_rate: TargetSchema, on_time_rate: TargetSchema }),
  /** False when the ticket log is not available: the incident rows are then zeros, not facts. */
  incidents_available: z.boolean(),
  /**
   * Whether the figures can be vouched for. `incomplete`: fewer than half of
   * the commune-level units had reported by `data_as_of`, so low numbers are
   * not facts. `frozen_late`: the Center was not running at the cut-off; the
   * freeze counted the report's own window as received by the time it froze.
   */
  completeness: z
    .object({ incomplete: z.boolean(), frozen_late: z.boolean() })
    .default({ incomplete: false, frozen_late: false }),
  national: ScopeReportSchema,
  provinces: z.array(ScopeReportSchema),
  task_progress: TaskReportSectionSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** What the API returns: the report plus whether it is frozen. */
export const ReportEnvelopeSchema = z.object({
  status: z.enum(['frozen', 'provisional']),
  frozen_at: z.string().nullable(),
  body_sha256: z.string().nullable(),
  report: ReportSchema,
});
export type ReportEnvelope = z.infer<typeof ReportEnvelopeSchema>;

/** One frozen snapshot in the list (`GET /api/v1/reports?kind=`), newest first. */
export const SnapshotInfoSchema = z.object({
  report_date: z.string(),
  cutoff_at: z.string(),
  frozen_at: z.string(),
  body_sha256: z.string(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;
export const SnapshotListSchema = z.object({ kind: ReportKindSchema, snapshots: z.array(SnapshotInfoSchema) });

export const NATIONAL_SCOPE_CODE = 'VN';
