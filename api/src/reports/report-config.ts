import type { Target } from '@kh02/schemas';

export interface ReportConfig {
  /**
   * First day of the cumulative values (lũy kế). Default: 1 July 2025, when the
   * two-level local government started and provinces began reporting daily to
   * the Center (seed 000 L3377-3393).
   */
  cumulativeFrom: string;
  /**
   * Targets of the Phụ lục VII template: online rate "> 80%", on-time "> 99%".
   * The Plan itself says "tối thiểu 80%" (≥), so the comparator is configurable
   * (requirement 25); the template's strict ">" is the default.
   */
  targets: { online_rate: Target; on_time_rate: Target };
  /**
   * The scheduler freezes this long after the cut-off: a report accepted by
   * ingest a moment before 08:30 may still be on its way to ClickHouse. Only
   * data received by the cut-off itself is counted either way.
   */
  freezeGraceMs: number;
  /**
   * A report no unit has reported for is not frozen (its zeros would not be
   * facts) until this long after the cut-off; then it is frozen, marked
   * incomplete, so the day still has its record.
   */
  emptyFreezeAfterMs: number;
  /** Hot issues listed per scope, and reasons per issue. */
  hotIssuesPerScope: number;
  reasonsPerIssue: number;
}

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  cumulativeFrom: '2025-07-01',
  targets: {
    online_rate: { comparator: '>', value: 0.8 },
    on_time_rate: { comparator: '>', value: 0.99 },
  },
  freezeGraceMs: 60_000,
  emptyFreezeAfterMs: 3 * 3_600_000,
  hotIssuesPerScope: 10,
  reasonsPerIssue: 3,
};
