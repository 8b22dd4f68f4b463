import { bilingual, INDICATOR_LABELS, type Reason } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import type { Sample, SystemHealth } from '../state/health-state.js';
import type { IncidentState } from '../state/incident-state.js';
import { incidentReasons } from './incidents.js';
import { localTimeOn, whenText, type EvalContext } from './context.js';
import { finish, iso, type Evaluation } from './evaluation.js';
import { formatAgainst, formatElapsed, localDateText } from '@kh02/schemas';
import { alertGroups, type AlertGroup } from '../alert-groups.js';

export interface SystemMetrics {
  uptime_pct: number | null;
  cpu_pct: number | null;
  ram_pct: number | null;
  response_ms: number | null;
}

export interface SystemResult extends Evaluation {
  metrics: SystemMetrics;
  /** Set while an approved maintenance window is open (evaluate/maintenance.ts): when it ends. */
  maintenanceUntil?: string;
}

const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Oldest sample time of the trailing run of samples that are at least as bad as `level`. */
function runSince(samples: Sample[], bad: (s: Sample) => boolean): number | null {
  let since: number | null = null;
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i];
    if (!s || !bad(s)) break;
    since = s.t;
  }
  return since;
}

function highIsBad(
  indicator: 'cpu' | 'ram' | 'response_time',
  value: number | null,
  yellowAt: number,
  redAt: number,
  strict: boolean,
  samples: Sample[],
  pick: (s: Sample) => number | null,
): Reason | null {
  if (value === null) return null;
  const over = (v: number, th: number) => (strict ? v > th : v >= th);
  const status = over(value, redAt) ? 'red' : over(value, yellowAt) ? 'yellow' : null;
  if (!status) return null;
  const threshold = status === 'red' ? redAt : yellowAt;
  const unit = indicator === 'response_time' ? 'ms' : 'pct';
  const vi = formatAgainst(value, threshold, unit, 'vi');
  const en = formatAgainst(value, threshold, unit, 'en');
  const label = INDICATOR_LABELS[indicator];
  return {
    indicator,
    status,
    value,
    threshold,
    comparator: strict ? '>' : '>=',
    unit,
    since: iso(
      runSince(samples, (s) => {
        const v = pick(s);
        return v !== null && over(v, threshold);
      }),
    ),
    message: bilingual(
      `${label.vi} trung bình ${vi.value}, vượt ngưỡng ${vi.threshold}.`,
      `${label.en} averages ${en.value}, over the ${en.threshold} threshold.`,
    ),
  };
}

function uptimeReason(value: number | null, t: Thresholds, since: number | null, fromReport: boolean): Reason | null {
  if (value === null) return null;
  const status = value < t.uptime.redBelowPct ? 'red' : value < t.uptime.yellowBelowPct ? 'yellow' : null;
  if (!status) return null;
  const threshold = status === 'red' ? t.uptime.redBelowPct : t.uptime.yellowBelowPct;
  const where = fromReport ? bilingual(' (báo cáo ngày hôm qua)', ' (yesterday’s daily report)') : bilingual('', '');
  const vi = formatAgainst(value, threshold, 'pct', 'vi');
  const en = formatAgainst(value, threshold, 'pct', 'en');
  return {
    indicator: 'uptime',
    status,
    value,
    threshold,
    comparator: '<',
    unit: 'pct',
    since: iso(since),
    message: bilingual(
      `Uptime ${vi.value}, dưới ngưỡng ${vi.threshold}${where.vi}.`,
      `Uptime ${en.value}, below ${en.threshold}${where.en}.`,
    ),
  };
}

function alertReason({ first, last: a, count }: AlertGroup, t: Thresholds, lookbackMs: number): Reason | null {
  let status: 'red' | 'yellow' | null = null;
  if (a.kind === 'security' && a.severity === 'critical') status = t.alerts.securityCritical;
  else if (a.kind === 'security' && a.severity === 'warning') status = t.alerts.securityWarning;
  else if (a.kind === 'performance' && a.severity === 'critical') status = t.alerts.performanceCritical;
  if (!status) return null;
  const indicator = a.kind === 'security' ? 'security_alert' : 'performance_alert';
  const label = INDICATOR_LABELS[indicator];
  return {
    indicator,
    status,
    value: null,
    threshold: null,
    comparator: null,
    unit: null,
    since: iso(first.at),
    message:
      count > 1
        ? bilingual(
            `${label.vi}: ${a.message} (${count} lần trong ${formatElapsed(lookbackMs, 'vi')} qua)`,
            `${label.en}: ${a.message} (${count} times in the last ${formatElapsed(lookbackMs, 'en')})`,
          )
        : bilingual(`${label.vi}: ${a.message}`, `${label.en}: ${a.message}`),
  };
}

/** A vendor-operated system: silence, load over the window, uptime, daily report and alerts. */
export function evaluateSystem(
  h: SystemHealth | undefined,
  t: Thresholds,
  ctx: EvalContext,
  incidents: IncidentState[] = [],
): SystemResult {
  const samples = h?.samplesSince(ctx.now - t.samples.windowMs) ?? [];
  const report = h?.reports.get(ctx.yesterday);
  const reasons: Reason[] = [];
  const live = h?.lastSampleAt !== undefined && ctx.now - h.lastSampleAt <= t.samples.noreportAfterMs;
  const metrics: SystemMetrics = {
    uptime_pct: avg(samples.map((s) => s.uptime)),
    cpu_pct: avg(samples.map((s) => s.cpu)),
    ram_pct: avg(samples.map((s) => s.ram)),
    response_ms: avg(samples.flatMap((s) => (s.responseMs === null ? [] : [s.responseMs]))),
  };
  // Samples are expected every few minutes, 24/7: a daily report does not vouch for a system that is silent now.
  if (!live) {
    const last = h?.lastSampleAt;
    reasons.push({
      indicator: 'no_data',
      status: 'noreport',
      value: last === undefined ? null : ctx.now - last,
      threshold: t.samples.noreportAfterMs,
      comparator: '>',
      unit: 'ms',
      since: iso(last ?? null),
      message: last
        ? bilingual(
            `Không nhận dữ liệu từ ${whenText(last, ctx.today, 'vi')}.`,
            `No data received since ${whenText(last, ctx.today, 'en')}.`,
          )
        : bilingual('Chưa từng nhận được dữ liệu.', 'No data has ever been received.'),
    });
  }
  const add = (r: Reason | null) => r && reasons.push(r);
  add(highIsBad('cpu', metrics.cpu_pct, t.cpu.yellowAtPct, t.cpu.redAtPct, false, samples, (s) => s.cpu));
  add(highIsBad('ram', metrics.ram_pct, t.ram.yellowAtPct, t.ram.redAtPct, false, samples, (s) => s.ram));
  add(
    highIsBad(
      'response_time',
      metrics.response_ms,
      t.responseMs.yellowAboveMs,
      t.responseMs.redAboveMs,
      true,
      samples,
      (s) => s.responseMs,
    ),
  );
  add(
    uptimeReason(
      metrics.uptime_pct,
      t,
      runSince(samples, (s) => s.uptime < t.uptime.yellowBelowPct),
      false,
    ),
  );
  if (report) add(uptimeReason(report.uptime, t, null, true));
  const due = localTimeOn(ctx.today, t.dailyReport.dueLocal);
  // A system that sends nothing at all is simply silent; a missing daily report matters when it is otherwise alive.
  if (!report && ctx.now >= due && (live || h?.lastSampleAt !== undefined)) {
    reasons.push({
      indicator: 'shr_missing',
      status: t.dailyReport.missingStatus,
      value: null,
      threshold: null,
      comparator: null,
      unit: null,
      since: iso(due),
      message: bilingual(
        `Chưa nhận báo cáo trạng thái hệ thống ngày ${localDateText(ctx.yesterday, 'vi')} (hạn ${t.dailyReport.dueLocal}).`,
        `Daily health report for ${localDateText(ctx.yesterday, 'en')} not received (due ${t.dailyReport.dueLocal}).`,
      ),
    });
  }
  // A vendor repeats an open alert on every sample: one reason per condition, not one per repeat.
  for (const g of alertGroups(h?.alertsSince(ctx.now - t.alerts.lookbackMs) ?? []))
    add(alertReason(g, t, t.alerts.lookbackMs));
  for (const g of alertGroups(report?.alerts ?? [])) add(alertReason(g, t, 86_400_000));
  reasons.push(...incidentReasons(incidents, ctx.now));
  const dataAsOf = Math.max(h?.lastSampleAt ?? -Infinity, report?.receivedAtMs ?? -Infinity);
  return { ...finish(reasons, Number.isFinite(dataAsOf) ? dataAsOf : null), metrics };
}
