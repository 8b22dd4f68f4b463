/*
 * The 07:30 data-source panel as the api sends it (api/src/sources/source-model.ts,
 * not in @kh02/schemas); source-types.test.ts keeps these equal to the api's types.
 */
export type SyncStatus = 'ok' | 'late' | 'silent';
export type DailyReportStatus = 'ok' | 'late' | 'pending' | 'missing';

export interface SystemSource {
  id: string;
  name: string;
  vendor: string;
  unit_code: string;
  critical: boolean;
  last_observed_at: string | null;
  last_received_at: string | null;
  /** Receive time minus measure time of the newest sample, in seconds. */
  lag_s: number | null;
  sample_status: SyncStatus;
  daily_report: { for_date: string; received_at: string | null; status: DailyReportStatus };
}

export interface VendorSource {
  code: string;
  name: string;
  systems: number;
  samples: Record<SyncStatus, number>;
  daily_reports: Record<DailyReportStatus, number>;
  last_received_at: string | null;
  status: SyncStatus;
}

export interface CounterSource {
  code: string;
  name: string;
  province_code: string;
  last_interval_end: string | null;
  last_received_at: string | null;
  status: SyncStatus;
}

export interface ProvinceCounters {
  code: string;
  name: string;
  expected: number;
  statuses: Record<SyncStatus, number>;
  last_received_at: string | null;
  status: SyncStatus;
}

export interface SourcePanel {
  generated_at: string;
  counters_due_since: string;
  summary: {
    systems: Record<SyncStatus, number>;
    daily_reports: Record<DailyReportStatus, number>;
    counters: Record<SyncStatus, number>;
  };
  vendors: VendorSource[];
  systems: SystemSource[];
  provinces: ProvinceCounters[];
}

export interface ProvinceCounterList {
  generated_at: string;
  counters_due_since: string;
  province: string;
  counters: CounterSource[];
}
