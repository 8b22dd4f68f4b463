import { bilingual, INDICATOR_LABELS, type Headline, type Reason, type UnitStatus } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import type { CommuneCounters, CounterValues } from '../state/counter-state.js';
import { lastHourOf, type CommuneResult } from './commune.js';
import { parseHHMM, type EvalContext } from './context.js';
import { finish, type Evaluation } from './evaluation.js';
import { formatAgainst, formatNumber, formatPct } from '@kh02/schemas';
import { rateReason, rateStatus } from './rates.js';
import type { SystemResult } from './system.js';
import { rateTrendReasons } from './trends.js';

export interface CommuneInput {
  code: string;
  name: string;
  counters: CommuneCounters | undefined;
  result: CommuneResult;
}

export interface SystemInput {
  id: string;
  name: string;
  nameEn: string;
  critical: boolean;
  result: SystemResult;
}

export interface RollupResult extends Evaluation {
  headline: Headline;
}

const zero = (): CounterValues => ({ received: 0, received_online: 0, processed: 0, on_time: 0, late: 0 });

function addInto(total: CounterValues, v: CounterValues | undefined): void {
  if (!v) return;
  total.received += v.received;
  total.received_online += v.received_online;
  total.processed += v.processed;
  total.on_time += v.on_time;
  total.late += v.late;
}

/** Province totals at the end of each local hour (each commune carried forward), for "since when". */
function hourlyTotals(communes: CommuneInput[], day: string, upTo: number): CounterValues[] {
  return Array.from({ length: upTo + 1 }, (_, h) => {
    const total = zero();
    for (const c of communes) addInto(total, c.counters?.day(day)?.asOfHour(h));
    return total;
  });
}

function trailingSince(
  totals: CounterValues[],
  violates: (v: CounterValues) => boolean,
  hourStart: (h: number) => number,
): number | null {
  let since: number | null = null;
  for (let h = totals.length - 1; h >= 0; h--) {
    const v = totals[h];
    if (!v || v.received === 0) continue;
    if (!violates(v)) break;
    since = hourStart(h);
  }
  return since;
}

function share(statuses: UnitStatus[], wanted: UnitStatus): number {
  return statuses.length === 0 ? 0 : statuses.filter((s) => s === wanted).length / statuses.length;
}

function shareReason(
  indicator: 'communes_red' | 'communes_noreport',
  status: Reason['status'],
  value: number,
  threshold: number,
): Reason {
  const label = INDICATOR_LABELS[indicator];
  const vi = formatAgainst(value, threshold, 'ratio', 'vi');
  const en = formatAgainst(value, threshold, 'ratio', 'en');
  return {
    indicator,
    status,
    value,
    threshold,
    comparator: '>=',
    unit: 'ratio',
    since: null,
    message: bilingual(
      `${label.vi}: ${vi.value}, từ ngưỡng ${vi.threshold} trở lên.`,
      `${label.en}: ${en.value}, at or over the ${en.threshold} threshold.`,
    ),
  };
}

function communeShareReasons(communes: CommuneInput[], t: Thresholds): Reason[] {
  const statuses = communes.map((c) => c.result.status);
  const reasons: Reason[] = [];
  const red = share(statuses, 'red');
  if (red >= t.rollup.redIfRedCommuneShare)
    reasons.push(shareReason('communes_red', 'red', red, t.rollup.redIfRedCommuneShare));
  else if (red >= t.rollup.yellowIfRedCommuneShare)
    reasons.push(shareReason('communes_red', 'yellow', red, t.rollup.yellowIfRedCommuneShare));
  const silent = share(statuses, 'noreport');
  if (silent >= t.rollup.noreportIfNoreportShare)
    reasons.push(shareReason('communes_noreport', 'noreport', silent, t.rollup.noreportIfNoreportShare));
  else if (silent >= t.rollup.yellowIfNoreportShare)
    reasons.push(shareReason('communes_noreport', 'yellow', silent, t.rollup.yellowIfNoreportShare));
  return reasons;
}

/**
 * A system rolls up explainably: a red critical system (TTHC, LGSP, SSO…)
 * makes its unit red, any other red or a silent critical system makes it
 * yellow, and the reason names the system.
 */
export function systemReasons(systems: SystemInput[], unitSilent = false): Reason[] {
  const reasons: Reason[] = [];
  for (const s of systems) {
    const st = s.result.status;
    let status: Reason['status'] | null = null;
    if (st === 'red') status = s.critical ? 'red' : 'yellow';
    else if (st === 'yellow') status = 'yellow';
    // A silent critical system is a warning on a unit that is otherwise alive; a wholly silent unit is just noreport.
    else if (st === 'noreport') status = s.critical && !unitSilent ? 'yellow' : null;
    if (!status) continue;
    const top = s.result.reasons[0];
    reasons.push({
      indicator: 'system_status',
      status,
      // The system's worst indicator, so the unit's "why" table shows e.g. 99 % against ≥ 95 %.
      value: top?.value ?? null,
      threshold: top?.threshold ?? null,
      comparator: top?.comparator ?? null,
      unit: top?.unit ?? null,
      since: top?.since ?? null,
      ...(top ? { source_indicator: top.indicator } : {}),
      source: { code: s.id, name: s.name, name_en: s.nameEn, kind: 'system' },
      message: bilingual(`${s.name}: ${top?.message.vi ?? st}`, `${s.nameEn}: ${top?.message.en ?? st}`),
    });
  }
  return reasons;
}

function systemHeadline(
  systems: SystemInput[],
): Pick<Headline, 'systems_total' | 'systems_red' | 'systems_noreport' | 'min_uptime_pct'> {
  const uptimes = systems.flatMap((s) => (s.result.metrics.uptime_pct === null ? [] : [s.result.metrics.uptime_pct]));
  return {
    systems_total: systems.length,
    systems_red: systems.filter((s) => s.result.status === 'red').length,
    systems_noreport: systems.filter((s) => s.result.status === 'noreport').length,
    min_uptime_pct: uptimes.length ? Math.min(...uptimes) : null,
  };
}

function volumeReason(
  today: number,
  yesterdaySame: number,
  t: Thresholds,
  ctx: EvalContext,
): { reason: Reason | null; changePct: number | null } {
  if (ctx.reportingDay !== ctx.today || yesterdaySame < Math.max(1, t.volumeDrop.minYesterdaySameTime))
    return { reason: null, changePct: null };
  const changePct = ((today - yesterdaySame) / yesterdaySame) * 100;
  if (ctx.minuteOfDay < parseHHMM(t.volumeDrop.notBeforeLocal)) return { reason: null, changePct };
  const drop = -changePct;
  const status = drop >= t.volumeDrop.redDropPct ? 'red' : drop >= t.volumeDrop.yellowDropPct ? 'yellow' : null;
  if (!status) return { reason: null, changePct };
  const threshold = status === 'red' ? t.volumeDrop.redDropPct : t.volumeDrop.yellowDropPct;
  return {
    changePct,
    reason: {
      indicator: 'volume_vs_yesterday',
      status,
      value: changePct,
      threshold: -threshold,
      comparator: '<=',
      unit: 'pct',
      since: null,
      message: bilingual(
        `Số hồ sơ tiếp nhận giảm ${formatPct(drop, 'vi', 0)} so với cùng giờ hôm qua (${formatNumber(today, 'vi')} so với ${formatNumber(yesterdaySame, 'vi')}).`,
        `Dossiers received are down ${formatPct(drop, 'en', 0)} on the same time yesterday (${formatNumber(today, 'en')} vs ${formatNumber(yesterdaySame, 'en')}).`,
      ),
    },
  };
}

/** A province: its aggregated KPIs, the share of red/silent communes, and its systems. */
export function evaluateProvince(
  communes: CommuneInput[],
  systems: SystemInput[],
  t: Thresholds,
  ctx: EvalContext,
  extra: Reason[] = [],
): RollupResult {
  const total = zero();
  for (const c of communes) addInto(total, c.result.values);
  const upTo = lastHourOf(ctx);
  const totals = hourlyTotals(communes, ctx.reportingDay, upTo);
  // Province totals are hourly, so "since" has hour granularity: the start of the first violating hour.
  const hourStart = (h: number) => Date.parse(`${ctx.reportingDay}T00:00:00Z`) - 7 * 3_600_000 + h * 3_600_000;
  const silentShare = share(
    communes.map((c) => c.result.status),
    'noreport',
  );
  const allSystemsSilent = systems.every((s) => s.result.status === 'noreport');
  const unitSilent = allSystemsSilent && silentShare >= t.rollup.noreportIfNoreportShare;
  const reasons: Reason[] = [...extra, ...communeShareReasons(communes, t), ...systemReasons(systems, unitSilent)];
  const online = rateReason(
    'online_rate',
    total.received_online,
    total.received,
    t.onlineRate.minReceivedProvince,
    t.onlineRate,
    trailingSince(totals, (v) => rateStatus(v.received_online / v.received, t.onlineRate) !== 'green', hourStart),
  );
  const onTime = rateReason(
    'on_time_rate',
    total.on_time,
    total.processed,
    t.onTimeRate.minProcessedProvince,
    t.onTimeRate,
    trailingSince(
      totals,
      (v) => v.processed > 0 && rateStatus(v.on_time / v.processed, t.onTimeRate) !== 'green',
      hourStart,
    ),
  );
  const yesterdaySame = zero();
  for (const c of communes) addInto(yesterdaySame, c.counters?.day(ctx.yesterday)?.asOfHour(ctx.localHour));
  const volume = volumeReason(total.received, yesterdaySame.received, t, ctx);
  for (const r of [online, onTime, volume.reason]) if (r) reasons.push(r);
  reasons.push(...rateTrendReasons(total, yesterdaySame, t, ctx));
  const dataTimes = [...communes.map((c) => c.result.dataAsOfMs), ...systems.map((s) => s.result.dataAsOfMs)].filter(
    (x): x is number => x !== null,
  );
  const evaluation = finish(reasons, dataTimes.length ? Math.max(...dataTimes) : null);
  const statuses = communes.map((c) => c.result.status);
  return {
    ...evaluation,
    headline: {
      received_today: communes.some((c) => c.result.values) ? total.received : null,
      online_rate: total.received > 0 ? total.received_online / total.received : null,
      on_time_rate: total.processed > 0 ? total.on_time / total.processed : null,
      volume_change_pct: volume.changePct,
      communes_total: communes.length,
      communes_red: statuses.filter((s) => s === 'red').length,
      communes_noreport: statuses.filter((s) => s === 'noreport').length,
      ...systemHeadline(systems),
    },
  };
}

/** A central agency: its systems (and, once tickets exist, its tickets). */
export function evaluateAgency(systems: SystemInput[], extra: Reason[] = []): RollupResult {
  // A unit with no monitored source cannot be vouched for: it is silent too.
  const silent = systems.every((s) => s.result.status === 'noreport');
  const reasons = [...extra, ...systemReasons(systems, silent)];
  if (silent) {
    reasons.push({
      indicator: 'no_data',
      status: 'noreport',
      value: null,
      threshold: null,
      comparator: null,
      unit: null,
      since: null,
      message:
        systems.length === 0
          ? bilingual('Đơn vị chưa có hệ thống nào được giám sát.', 'The unit has no monitored system yet.')
          : bilingual('Không hệ thống nào của đơn vị gửi dữ liệu.', 'None of the unit’s systems is reporting.'),
    });
  }
  const dataTimes = systems.map((s) => s.result.dataAsOfMs).filter((x): x is number => x !== null);
  return {
    ...finish(reasons, dataTimes.length ? Math.max(...dataTimes) : null),
    headline: {
      received_today: null,
      online_rate: null,
      on_time_rate: null,
      volume_change_pct: null,
      communes_total: null,
      communes_red: null,
      communes_noreport: null,
      ...systemHeadline(systems),
    },
  };
}
