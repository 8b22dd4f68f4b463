import { bilingual, INDICATOR_LABELS, type Reason } from '@kh02/schemas';
import type { Thresholds } from '../config.js';
import { formatAgainst, formatRatio } from '@kh02/schemas';
import { iso } from './evaluation.js';

type RateKind = 'online_rate' | 'on_time_rate';
type RateRule = Thresholds['onlineRate'] | Thresholds['onTimeRate'];

export function rateStatus(
  rate: number,
  rule: Pick<RateRule, 'comparator' | 'target' | 'redBelow'>,
): 'green' | 'yellow' | 'red' {
  if (rate < rule.redBelow) return 'red';
  const meets = rule.comparator === '>' ? rate > rule.target : rate >= rule.target;
  return meets ? 'green' : 'yellow';
}

/** A reason when a rate misses its target; null when it meets it or volume is too small to judge. */
export function rateReason(
  kind: RateKind,
  numerator: number,
  denominator: number,
  minDenominator: number,
  rule: Pick<RateRule, 'comparator' | 'target' | 'redBelow'>,
  sinceMs: number | null,
): Reason | null {
  if (denominator < Math.max(1, minDenominator)) return null;
  const rate = numerator / denominator;
  const status = rateStatus(rate, rule);
  if (status === 'green') return null;
  const label = INDICATOR_LABELS[kind];
  const red = status === 'red';
  const threshold = red ? rule.redBelow : rule.target;
  const failed = red ? '<' : rule.comparator === '>' ? '<=' : '<';
  const targetText = `${rule.comparator === '>' ? '>' : '≥'} ${formatRatio(rule.target, 'vi')}`;
  const targetTextEn = `${rule.comparator === '>' ? '>' : '≥'} ${formatRatio(rule.target, 'en')}`;
  const vi = formatAgainst(rate, threshold, 'ratio', 'vi');
  const en = formatAgainst(rate, threshold, 'ratio', 'en');
  return {
    indicator: kind,
    status,
    value: rate,
    threshold,
    comparator: failed,
    unit: 'ratio',
    since: iso(sinceMs),
    message: red
      ? bilingual(
          `${label.vi} ${vi.value}, dưới ngưỡng đỏ ${vi.threshold} (mục tiêu ${targetText}).`,
          `${label.en} ${en.value}, below the red threshold ${en.threshold} (target ${targetTextEn}).`,
        )
      : bilingual(
          `${label.vi} ${vi.value}, chưa đạt mục tiêu ${targetText}.`,
          `${label.en} ${en.value}, short of the target ${targetTextEn}.`,
        ),
  };
}
