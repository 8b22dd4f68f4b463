/*
 * The Phụ lục VII report as the api sends it (api/src/reports/report-model.ts,
 * which is not in @kh02/schemas). report-types.test.ts checks these stay equal
 * to the api's own types, so a change there fails the web's type check.
 */
export type ReportKind = 'daily' | 'weekly';

export interface CountTriple {
  period: number;
  previous: number;
  cumulative: number;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface Target {
  comparator: '>' | '>=';
  value: number;
}

export interface RateTriple {
  period: Ratio;
  previous: Ratio;
  cumulative: Ratio;
  /** Period minus previous, in percentage points. */
  change_pp: number | null;
  meets_target: boolean | null;
}

export interface ProcedureRow extends CountTriple {
  code: string;
  name: string;
}

export interface HotIssue {
  code: string;
  name: string;
  kind: 'province' | 'commune' | 'agency' | 'system';
  since: string;
  reasons: string[];
}

export interface ScopeReport {
  scope: { code: string; name: string; kind: 'national' | 'province' };
  dossiers: { received: CountTriple; received_online: CountTriple; processed: CountTriple; on_time: CountTriple };
  reporting_units: { reported: number; expected: number };
  online_rate: RateTriple;
  on_time_rate: RateTriple;
  top_procedures: ProcedureRow[];
  incidents: { technical: CountTriple; process: CountTriple; resolved: CountTriple };
  hot_issues: HotIssue[];
}

export interface Report {
  schema_version: 1;
  kind: ReportKind;
  report_date: string;
  cutoff_at: string;
  data_as_of: string;
  period: { from: string; to: string };
  previous_period: { from: string; to: string };
  cumulative_from: string;
  targets: { online_rate: Target; on_time_rate: Target };
  incidents_available: boolean;
  national: ScopeReport;
  provinces: ScopeReport[];
}

export interface ReportEnvelope {
  status: 'frozen' | 'provisional';
  frozen_at: string | null;
  body_sha256: string | null;
  report: Report;
}

export interface SnapshotInfo {
  report_date: string;
  cutoff_at: string;
  frozen_at: string;
  body_sha256: string;
}
