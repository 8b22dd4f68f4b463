/* How a reason reads on the wall: "Tỷ lệ hồ sơ trực tuyến — 79,5 % (ngưỡng < 80 %)". */
import { INDICATOR_LABELS, type Reason, type Tile, type UnitStatus } from '@kh02/schemas';
import { formatAgainst, formatHm, formatValue, NBSP, type Lang } from '@kh02/schemas';
import { WALL_MESSAGES } from '$lib/i18n/messages-wall';

export interface ReasonText {
  indicator: string;
  value: string;
  /** Comparator and threshold, e.g. "< 80 %"; empty when the rule has none. */
  threshold: string;
}

/** Typographic comparators read better on a wall than ASCII ">=". */
const COMPARATOR: Record<NonNullable<Reason['comparator']>, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function reasonText(r: Reason, lang: Lang): ReasonText {
  const cmp = r.comparator ? `${COMPARATOR[r.comparator]}${NBSP}` : '';
  const pair =
    r.value !== null && r.threshold !== null
      ? formatAgainst(r.value, r.threshold, r.unit, lang)
      : { value: formatValue(r.value, r.unit, lang), threshold: formatValue(r.threshold, r.unit, lang) };
  // A rolled-up system reason is labelled by what broke in the system (CPU, uptime…), not "system status".
  const indicator = r.indicator === 'system_status' && r.source_indicator ? r.source_indicator : r.indicator;
  return {
    indicator: INDICATOR_LABELS[indicator][lang],
    value: pair.value,
    threshold: r.threshold === null ? '' : `${cmp}${pair.threshold}`,
  };
}

const RANK: Record<UnitStatus, number> = { red: 0, yellow: 1, noreport: 2, stale: 3, green: 4 };

/** Worst reasons first: red before yellow, then the longest-standing. */
export function topReasons(reasons: readonly Reason[], n: number): Reason[] {
  return [...reasons]
    .sort((a, b) => RANK[a.status] - RANK[b.status] || (a.since ?? '').localeCompare(b.since ?? ''))
    .slice(0, n);
}

/**
 * Hotspots for the 17:00 briefing: red, then yellow units; within a colour,
 * breached tickets first, then the longest in that state.
 */
export function hotspots(tiles: Iterable<Tile>): Tile[] {
  return [...tiles]
    .filter((t) => t.status === 'red' || t.status === 'yellow')
    .sort(
      (a, b) =>
        RANK[a.status] - RANK[b.status] ||
        (b.tickets?.breached ?? 0) - (a.tickets?.breached ?? 0) ||
        (a.status_since ?? '\uffff').localeCompare(b.status_since ?? '\uffff') ||
        a.code.localeCompare(b.code),
    );
}

/**
 * A reason in a few words for a tile: "CPU 97,9 %", "Trực tuyến 74,2 %",
 * "Mất dữ liệu từ 10:32". The full sentence is in the tooltip and the drill-down.
 */
export function shortReason(r: Reason, lang: Lang): string {
  const w = WALL_MESSAGES[lang];
  if (r.indicator === 'no_data') return r.since ? w.noDataSince(formatHm(r.since)) : w.neverData;
  const indicator = r.indicator === 'system_status' && r.source_indicator ? r.source_indicator : r.indicator;
  if (indicator === 'no_data') return r.since ? w.noDataSince(formatHm(r.since)) : w.neverData;
  const label = w.short[indicator];
  if (r.value === null || r.unit === null || indicator === 'open_ticket') return label;
  return `${label} ${reasonText(r, lang).value}`;
}

/** The reason a red or yellow tile shows: the worst one that is not just "a ticket holds it", if any. */
export function tileReason(reasons: readonly Reason[]): { reason: Reason | null; more: number } {
  const ranked = topReasons(reasons, reasons.length).filter((r) => r.status === 'red' || r.status === 'yellow');
  const own = ranked.filter((r) => r.indicator !== 'open_ticket');
  const reason = own[0] ?? ranked[0] ?? null;
  return { reason, more: Math.max(0, ranked.length - 1) };
}
