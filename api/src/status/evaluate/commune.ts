import { bilingual, type Reason } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import type { CommuneCounters, CounterPoint, DayCounters } from '../state/counter-state.js';
import { localTimeOn, type EvalContext } from './context.js';
import { finish, iso, type Evaluation } from './evaluation.js';
import { formatHm } from '@kh02/schemas';
import { rateReason, rateStatus } from './rates.js';

export interface CommuneResult extends Evaluation {
  /** The cumulative counts the evaluation used (reporting day), if any. */
  values: CounterPoint | undefined;
}

/** Start of the trailing run of hours (oldest first) in which `violates` held, as an instant. */
export function violationSince(
  day: DayCounters | undefined,
  upToHour: number,
  violates: (p: CounterPoint) => boolean,
): number | null {
  if (!day) return null;
  let since: number | null = null;
  for (let h = upToHour; h >= 0; h--) {
    const p = day.hours[h];
    if (!p) continue;
    if (!violates(p)) break;
    since = p.intervalEndMs;
  }
  return since;
}

export function lastHourOf(ctx: EvalContext): number {
  return ctx.reportingDay === ctx.today ? ctx.localHour : 23;
}

function silenceReason(latest: CounterPoint | undefined, t: Thresholds, ctx: EvalContext): Reason | null {
  if (ctx.reportingDay !== ctx.today || !ctx.workingDay) return null;
  const due = localTimeOn(ctx.today, t.counters.firstReportDueLocal);
  if (!latest) {
    if (ctx.now < due) return null;
    return {
      indicator: 'no_data',
      status: 'noreport',
      value: null,
      threshold: null,
      comparator: null,
      unit: null,
      since: iso(due),
      message: bilingual(
        `Chưa có báo cáo số liệu trong ngày (hạn ${t.counters.firstReportDueLocal}).`,
        `No counts reported today (due by ${t.counters.firstReportDueLocal}).`,
      ),
    };
  }
  const silentFor = ctx.now - latest.intervalEndMs;
  if (!ctx.workingInstant || silentFor <= t.counters.maxSilenceMs) return null;
  return {
    indicator: 'no_data',
    status: 'noreport',
    value: silentFor,
    threshold: t.counters.maxSilenceMs,
    comparator: '>',
    unit: 'ms',
    since: iso(latest.intervalEndMs),
    message: bilingual(
      `Không có báo cáo mới từ ${formatHm(latest.intervalEndMs)}.`,
      `No new report since ${formatHm(latest.intervalEndMs)}.`,
    ),
  };
}

/** A commune-level unit: silence, online rate and on-time rate of its reporting day. */
export function evaluateCommune(counters: CommuneCounters | undefined, t: Thresholds, ctx: EvalContext): CommuneResult {
  const day = counters?.day(ctx.reportingDay);
  const latest = day?.latest;
  const upTo = lastHourOf(ctx);
  const reasons: Reason[] = [];
  const silence = silenceReason(latest, t, ctx);
  if (silence) reasons.push(silence);
  if (latest) {
    const online = rateReason(
      'online_rate',
      latest.received_online,
      latest.received,
      t.onlineRate.minReceivedCommune,
      t.onlineRate,
      violationSince(
        day,
        upTo,
        (p) => p.received > 0 && rateStatus(p.received_online / p.received, t.onlineRate) !== 'green',
      ),
    );
    const onTime = rateReason(
      'on_time_rate',
      latest.on_time,
      latest.processed,
      t.onTimeRate.minProcessedCommune,
      t.onTimeRate,
      violationSince(
        day,
        upTo,
        (p) => p.processed > 0 && rateStatus(p.on_time / p.processed, t.onTimeRate) !== 'green',
      ),
    );
    if (online) reasons.push(online);
    if (onTime) reasons.push(onTime);
  }
  return { ...finish(reasons, latest?.intervalEndMs ?? null), values: latest };
}
