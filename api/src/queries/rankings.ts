import type { Ranking, RankingIndicator, Tile } from '@kh02/schemas';

const VALUE: Record<RankingIndicator, (t: Tile) => number | null> = {
  online_rate: (t) => t.headline.online_rate,
  on_time_rate: (t) => t.headline.on_time_rate,
  received_today: (t) => t.headline.received_today,
  volume_change_pct: (t) => t.headline.volume_change_pct,
  communes_red: (t) => t.headline.communes_red,
};

/** Lower is better only for the count of red communes. */
const ASCENDING = new Set<RankingIndicator>(['communes_red']);

/** Provinces compared on one indicator, best first; provinces without data last. */
export function rankProvinces(tiles: Tile[], indicator: RankingIndicator, now: number): Ranking {
  const rows = tiles
    .filter((t) => t.kind === 'province')
    .map((t) => ({ code: t.code, name: t.name, name_en: t.name_en, value: VALUE[indicator](t), status: t.status }))
    .sort((a, b) => {
      if (a.value === null) return b.value === null ? a.code.localeCompare(b.code) : 1;
      if (b.value === null) return -1;
      return ASCENDING.has(indicator) ? a.value - b.value : b.value - a.value;
    })
    .map((r, i) => ({ rank: i + 1, ...r }));
  return { indicator, generated_at: new Date(now).toISOString(), rows };
}
