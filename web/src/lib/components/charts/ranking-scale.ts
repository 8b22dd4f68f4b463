/*
 * The value axis of a ranking and the colour of each bar. Provinces cluster
 * (84 % next to 86 %), so an axis from 0 to 100 % draws them as equal bars:
 * the domain is fitted around the data and the target instead, on a "nice"
 * step, and each bar takes its own value's band against the target.
 */
import { STATUS_LABELS, type Ranking, type RankingBand } from '@kh02/schemas';
import { STATUS_COLORS, STATUS_INK } from '$lib/status/palette';
import type { ValueKind } from './chart-options';

export interface AxisDomain {
  min: number;
  max: number;
  interval: number;
}

/** The neutral bar of an indicator without a target (dossiers received): the accent, not a state colour. */
export const NEUTRAL_BAR = '#56B4E9';

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw - 1e-12) return round(m * magnitude);
  return round(10 * magnitude);
}

/**
 * A domain that holds every value and the target with a margin, in about five
 * steps. Ratios stay within 0–100 %. Counts start at zero (a bar's length is
 * the count); null when there is nothing to fit.
 */
export function rankingDomain(
  values: readonly (number | null)[],
  target: number | null,
  kind: ValueKind,
): AxisDomain | null {
  const points = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (target !== null) points.push(target);
  if (points.length === 0) return null;
  let lo = Math.min(...points);
  const hi = Math.max(...points);
  if (kind === 'count') lo = Math.min(0, lo);
  const minPad = kind === 'ratio' ? 0.01 : 1;
  const pad = Math.max((hi - lo) * 0.1, minPad);
  const interval = niceStep((hi - lo + 2 * pad) / 5);
  let min = kind === 'count' && lo >= 0 ? 0 : round(Math.floor(round((lo - pad) / interval)) * interval);
  let max = round(Math.ceil(round((hi + pad) / interval)) * interval);
  if (kind === 'ratio') {
    min = Math.max(0, min);
    max = Math.min(1, max);
  }
  return { min, max, interval };
}

export interface BarLook {
  color: string;
  /** Shown before the value so the band never rests on colour alone. */
  icon: string;
  ink: string;
}

/** A bar's look: its band's state colour and icon; no target → the neutral bar; no value → "no report". */
export function barLook(band: RankingBand, hasTarget: boolean, value: number | null): BarLook {
  if (band !== 'none') return { color: STATUS_COLORS[band], icon: STATUS_LABELS[band].icon, ink: STATUS_INK[band] };
  if (value === null && hasTarget)
    return { color: STATUS_COLORS.noreport, icon: STATUS_LABELS.noreport.icon, ink: STATUS_INK.noreport };
  return { color: NEUTRAL_BAR, icon: '', ink: '#111418' };
}

/** How many bars fall in each band (for the panel's legend line). */
export function bandCounts(r: Ranking): Record<RankingBand, number> {
  const out: Record<RankingBand, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const row of r.rows) out[row.band] += 1;
  return out;
}
