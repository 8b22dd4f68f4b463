import type { Ranking, RankingBand, RankingIndicator, Tile } from '@kh02/schemas';
import type { Thresholds } from '../status/config.js';
import { rateStatus } from '../status/evaluate/rates.js';

const VALUE: Record<RankingIndicator, (t: Tile) => number | null> = {
  online_rate: (t) => t.headline.online_rate,
  on_time_rate: (t) => t.headline.on_time_rate,
  received_today: (t) => t.headline.received_today,
  volume_change_pct: (t) => t.headline.volume_change_pct,
  communes_red: (t) => t.headline.communes_red,
};

/** Lower is better only for the count of red communes. */
const ASCENDING = new Set<RankingIndicator>(['communes_red']);

type Rule = Pick<Thresholds['onlineRate'], 'comparator' | 'target' | 'redBelow'>;

/**
 * The target an indicator is judged against, in the thresholds' own terms. The change in
 * dossiers is judged like the status engine does: a drop to the yellow band misses it, a
 * drop to the red band is red. Counts have no target.
 */
function ruleOf(indicator: RankingIndicator, t: Thresholds): Rule | null {
  switch (indicator) {
    case 'online_rate':
      return t.onlineRate;
    case 'on_time_rate':
      return t.onTimeRate;
    case 'volume_change_pct':
      return { comparator: '>', target: -t.volumeDrop.yellowDropPct, redBelow: -t.volumeDrop.redDropPct };
    default:
      return null;
  }
}

export function bandOf(value: number | null, rule: Rule | null, indicator: RankingIndicator): RankingBand {
  if (value === null || rule === null) return 'none';
  // The engine is red at a drop of at least redDropPct: a change of exactly −80 % is red, not yellow.
  if (indicator === 'volume_change_pct')
    return value <= rule.redBelow ? 'red' : value <= rule.target ? 'yellow' : 'green';
  return rateStatus(value, rule);
}

/**
 * Provinces compared on one indicator, best first; provinces without data last. Each bar's
 * band is its value against the indicator's target, with the province's own overrides
 * (`thresholds(code)`), not the province's overall colour.
 */
export function rankProvinces(
  tiles: Tile[],
  indicator: RankingIndicator,
  now: number,
  thresholds: (code: string) => Thresholds,
  defaults: Thresholds,
): Ranking {
  const rows = tiles
    .filter((t) => t.kind === 'province')
    .map((t) => {
      const value = VALUE[indicator](t);
      return {
        code: t.code,
        name: t.name,
        name_en: t.name_en,
        value,
        status: t.status,
        band: bandOf(value, ruleOf(indicator, thresholds(t.code)), indicator),
      };
    })
    .sort((a, b) => {
      if (a.value === null) return b.value === null ? a.code.localeCompare(b.code) : 1;
      if (b.value === null) return -1;
      return ASCENDING.has(indicator) ? a.value - b.value : b.value - a.value;
    })
    .map((r, i) => ({ rank: i + 1, ...r }));
  const rule = ruleOf(indicator, defaults);
  const target =
    rule === null
      ? null
      : {
          value: rule.target,
          comparator: rule.comparator,
          red_below: rule.redBelow,
        };
  return { indicator, generated_at: new Date(now).toISOString(), target, rows };
}
