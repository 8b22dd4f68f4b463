import { bilingual, type Reason } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import type { CommuneCounters, CounterPoint, DayCounters } from '../state/counter-state.js';
import { localTimeOn, whenText, type EvalContext } from './context.js';
import { finish, iso, type Evaluation } from './evaluation.js';
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

const silent = (
  message: Reason['message'],
  since: number | null,
  value: number | null = null,
  threshold: number | null = null,
): Reason => ({
  indicator: 'no_data',
  status: 'noreport',
  value,
  threshold,
  comparator: value === null ? null : '>',
  unit: value === null ? null : 'ms',
  since: iso(since),
  message,
});

/**
 * A working day is closed by its end-of-day report (counts up to 17:00 or
 * later); until the next working day starts, a commune that did not close its
 * last one is `noreport`, never green.
 */
function closedDay(day: DayCounters | undefined, date: string, t: Thresholds, ctx: EvalContext): Reason | null {
  const latest = day?.latest;
  const [, m, d] = date.split('-');
  if (!latest) {
    return silent(
      bilingual(`Không nhận dữ liệu ngày ${d}/${m}.`, `No counts received for ${d}/${m}.`),
      localTimeOn(date, t.counters.firstReportDueLocal),
    );
  }
  if (latest.intervalEndMs >= localTimeOn(date, t.counters.endOfDayFromLocal)) return null;
  return silent(
    bilingual(
      `Chưa có báo cáo cuối ngày ${d}/${m} (số liệu mới nhất lúc ${whenText(latest.intervalEndMs, ctx.today, 'vi')}).`,
      `No end-of-day report for ${d}/${m} (newest counts at ${whenText(latest.intervalEndMs, ctx.today, 'en')}).`,
    ),
    latest.intervalEndMs,
  );
}

/**
 * When counts are expected: during a working day, a first report by 09:00
 * and no silence longer than `maxSilenceMs` in working hours, then the
 * end-of-day report by 17:30; outside working days, the last working day's
 * end-of-day report. Before today's first report is due, yesterday's closing
 * is what vouches for the commune.
 */
function silenceReason(counters: CommuneCounters | undefined, t: Thresholds, ctx: EvalContext): Reason | null {
  if (ctx.reportingDay !== ctx.today) return closedDay(counters?.day(ctx.reportingDay), ctx.reportingDay, t, ctx);
  const latest = counters?.day(ctx.today)?.latest;
  const due = localTimeOn(ctx.today, t.counters.firstReportDueLocal);
  if (!latest) {
    if (ctx.now < due) return closedDay(counters?.day(ctx.previousWorkingDay), ctx.previousWorkingDay, t, ctx);
    return silent(
      bilingual(
        `Chưa có báo cáo số liệu trong ngày (hạn ${t.counters.firstReportDueLocal}).`,
        `No counts reported today (due by ${t.counters.firstReportDueLocal}).`,
      ),
      due,
    );
  }
  const silentFor = ctx.now - latest.intervalEndMs;
  if (ctx.workingInstant && silentFor > t.counters.maxSilenceMs) {
    return silent(
      bilingual(
        `Không nhận dữ liệu từ ${whenText(latest.intervalEndMs, ctx.today, 'vi')}.`,
        `No data received since ${whenText(latest.intervalEndMs, ctx.today, 'en')}.`,
      ),
      latest.intervalEndMs,
      silentFor,
      t.counters.maxSilenceMs,
    );
  }
  if (ctx.now >= localTimeOn(ctx.today, t.counters.endOfDayDueLocal))
    return closedDay(counters?.day(ctx.today), ctx.today, t, ctx);
  return null;
}

/** A commune-level unit: silence, online rate and on-time rate of its reporting day. */
export function evaluateCommune(counters: CommuneCounters | undefined, t: Thresholds, ctx: EvalContext): CommuneResult {
  const day = counters?.day(ctx.reportingDay);
  const latest = day?.latest;
  const upTo = lastHourOf(ctx);
  const reasons: Reason[] = [];
  const silence = silenceReason(counters, t, ctx);
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
