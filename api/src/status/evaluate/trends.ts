import { bilingual, formatNumber, formatRatio, INDICATOR_LABELS, type Reason } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import type { CounterValues } from '../state/counter-state.js';
import { parseHHMM, type EvalContext } from './context.js';

type TrendIndicator = 'online_rate_trend' | 'on_time_rate_trend';

interface RateTrend {
  indicator: TrendIndicator;
  /** Whose rate it is: the same indicator's target reason is reported apart. */
  rate: 'online_rate' | 'on_time_rate';
  numerator: (v: CounterValues) => number;
  denominator: (v: CounterValues) => number;
  minDenominator: number;
  yellowDropPts: number;
  redDropPts: number;
}

function trendsOf(t: Thresholds): RateTrend[] {
  return [
    {
      indicator: 'online_rate_trend',
      rate: 'online_rate',
      numerator: (v) => v.received_online,
      denominator: (v) => v.received,
      minDenominator: t.onlineRate.minReceivedProvince,
      yellowDropPts: t.rateTrend.onlineYellowDropPts,
      redDropPts: t.rateTrend.onlineRedDropPts,
    },
    {
      indicator: 'on_time_rate_trend',
      rate: 'on_time_rate',
      numerator: (v) => v.on_time,
      denominator: (v) => v.processed,
      minDenominator: t.onTimeRate.minProcessedProvince,
      yellowDropPts: t.rateTrend.onTimeYellowDropPts,
      redDropPts: t.rateTrend.onTimeRedDropPts,
    },
  ];
}

/** "12,5 điểm phần trăm" — a difference of two rates, never a percentage of one. */
const points = (drop: number, lang: 'vi' | 'en') =>
  `${formatNumber(Math.round(drop * 1000) / 10, lang, Number.isInteger(Math.round(drop * 1000) / 10) ? 0 : 1)} ${
    lang === 'vi' ? 'điểm phần trăm' : 'percentage points'
  }`;

function trendReason(tr: RateTrend, today: CounterValues, yesterday: CounterValues): Reason | null {
  const min = Math.max(1, tr.minDenominator);
  if (tr.denominator(today) < min || tr.denominator(yesterday) < min) return null;
  const now = tr.numerator(today) / tr.denominator(today);
  const before = tr.numerator(yesterday) / tr.denominator(yesterday);
  const drop = before - now;
  const red = drop * 100 >= tr.redDropPts;
  if (!red && drop * 100 < tr.yellowDropPts) return null;
  const label = INDICATOR_LABELS[tr.rate];
  return {
    indicator: tr.indicator,
    status: red ? 'red' : 'yellow',
    // Today's rate against the level it may fall to (yesterday's, less the allowed drop).
    value: now,
    threshold: before - (red ? tr.redDropPts : tr.yellowDropPts) / 100,
    comparator: '<=',
    unit: 'ratio',
    since: null,
    message: bilingual(
      `${label.vi} giảm ${points(drop, 'vi')} so với cùng giờ hôm qua (${formatRatio(now, 'vi')} so với ${formatRatio(before, 'vi')}).`,
      `${label.en} down ${points(drop, 'en')} on the same time yesterday (${formatRatio(now, 'en')} vs ${formatRatio(before, 'en')}).`,
    ),
  };
}

/**
 * Abnormal trends of the two rates, judged like the dossier volume: today's
 * rate so far against yesterday's at the same local hour, once both days
 * have enough dossiers to tell and not before the volume check's start time
 * (the first hour of a day is too thin to compare).
 */
export function rateTrendReasons(
  today: CounterValues,
  yesterdaySameTime: CounterValues,
  t: Thresholds,
  ctx: EvalContext,
): Reason[] {
  if (ctx.reportingDay !== ctx.today || ctx.minuteOfDay < parseHHMM(t.volumeDrop.notBeforeLocal)) return [];
  return trendsOf(t).flatMap((tr) => {
    const r = trendReason(tr, today, yesterdaySameTime);
    return r ? [r] : [];
  });
}
