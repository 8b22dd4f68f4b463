import {
  addDays,
  type CounterSource,
  type DailyReportStatus,
  type PullSourceState,
  type SourcePanel,
  type SyncStatus,
  type SystemSource,
  vnLocalDate,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { CounterLastRow, DailyReportRow, SampleLastRow } from './source-queries.js';
import {
  counterDueSince,
  counterStatus,
  dailyReportStatus,
  sampleStatus,
  worstSync,
  type SyncThresholds,
} from './sync-status.js';

export interface SourceRows {
  samples: readonly SampleLastRow[];
  dailyReports: readonly DailyReportRow[];
  counters: readonly CounterLastRow[];
}

export interface PanelContext {
  registry: Registry;
  nowMs: number;
  thresholds: SyncThresholds;
  isWorkingDay: (localDate: string) => boolean;
  /** Scheduled daily-report fetches (api/src/pull/), when any is configured. */
  pulls?: PullSourceState[];
}

const toMs = (chTime: string | undefined): number | null => {
  if (!chTime) return null;
  const s = chTime.includes('T') ? chTime : chTime.replace(' ', 'T');
  return Date.parse(s.endsWith('Z') ? s : `${s}Z`);
};
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function tally<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}
const SYNC: readonly SyncStatus[] = ['ok', 'late', 'silent'];
const DAILY: readonly DailyReportStatus[] = ['ok', 'late', 'pending', 'missing'];

function maxIso(values: Iterable<string | null>): string | null {
  let best: string | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/** Every registered system with its last sample and yesterday's daily report. */
export function systemSources(rows: SourceRows, ctx: PanelContext): SystemSource[] {
  const samples = new Map(rows.samples.map((r) => [r.system_id, r]));
  const reports = new Map(rows.dailyReports.map((r) => [r.system_id, r]));
  const forDate = addDays(vnLocalDate(ctx.nowMs), -1);
  return ctx.registry.systems.map((s) => {
    const sample = samples.get(s.id);
    const observed = toMs(sample?.last_observed_at);
    const received = toMs(sample?.last_received_at);
    const reportAt = toMs(reports.get(s.id)?.first_received_at);
    return {
      id: s.id,
      name: s.name,
      vendor: s.vendorCode,
      unit_code: s.unitCode,
      critical: s.critical,
      last_observed_at: iso(observed),
      last_received_at: iso(received),
      lag_s: observed !== null && received !== null ? Math.round((received - observed) / 1000) : null,
      sample_status: sampleStatus(received, ctx.nowMs, ctx.thresholds),
      daily_report: {
        for_date: forDate,
        received_at: iso(reportAt),
        status: dailyReportStatus(reportAt, ctx.nowMs, ctx.thresholds),
      },
    };
  });
}

/** Every commune-level unit (and provincial centre) with its last counter report, for one province or all. */
export function counterSources(rows: SourceRows, ctx: PanelContext, province?: string): CounterSource[] {
  const last = new Map(rows.counters.map((r) => [r.unit_code, r]));
  const due = counterDueSince(ctx.nowMs, ctx.isWorkingDay, ctx.thresholds);
  const units = province ? ctx.registry.communesOf(province, { includeCentre: true }) : ctx.registry.communes;
  return units.map((c) => {
    const row = last.get(c.code);
    const received = toMs(row?.last_received_at);
    return {
      code: c.code,
      name: c.name,
      province_code: c.provinceCode,
      last_interval_end: iso(toMs(row?.last_interval_end)),
      last_received_at: iso(received),
      status: counterStatus(received, due, ctx.thresholds),
    };
  });
}

/** The whole panel: totals, vendors, systems, and counters summarised per province. */
export function buildSourcePanel(rows: SourceRows, ctx: PanelContext): SourcePanel {
  const systems = systemSources(rows, ctx);
  const counters = counterSources(rows, ctx);
  const vendors = ctx.registry.vendors.map((v) => {
    const own = systems.filter((s) => s.vendor === v.code);
    return {
      code: v.code,
      name: v.name,
      systems: own.length,
      samples: tally(
        SYNC,
        own.map((s) => s.sample_status),
      ),
      daily_reports: tally(
        DAILY,
        own.map((s) => s.daily_report.status),
      ),
      last_received_at: maxIso(own.map((s) => s.last_received_at)),
      status: worstSync(own.map((s) => s.sample_status)),
    };
  });
  const provinces = ctx.registry.provinces.map((p) => {
    const own = counters.filter((c) => c.province_code === p.code);
    return {
      code: p.code,
      name: p.name,
      expected: own.length,
      statuses: tally(
        SYNC,
        own.map((c) => c.status),
      ),
      last_received_at: maxIso(own.map((c) => c.last_received_at)),
      status: worstSync(own.map((c) => c.status)),
    };
  });
  return {
    generated_at: new Date(ctx.nowMs).toISOString(),
    counters_due_since: new Date(counterDueSince(ctx.nowMs, ctx.isWorkingDay, ctx.thresholds)).toISOString(),
    summary: {
      systems: tally(
        SYNC,
        systems.map((s) => s.sample_status),
      ),
      daily_reports: tally(
        DAILY,
        systems.map((s) => s.daily_report.status),
      ),
      counters: tally(
        SYNC,
        counters.map((c) => c.status),
      ),
    },
    vendors,
    systems,
    provinces,
    pulls: ctx.pulls ?? [],
  };
}
