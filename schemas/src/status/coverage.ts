import type { Tile } from './tiles.js';

/**
 * "% đơn vị được giám sát": the Command Center must watch 100 % of ministries,
 * sectors, localities and agency blocks (seed 000 L761). A unit counts as
 * watched when at least one of its sources is monitored and reporting now —
 * a system that is not silent, or (for a province) a commune-level counter
 * that is not silent. A unit with no registered source, or with every source
 * silent, is not watched: a registry entry alone watches nothing.
 */
export const COVERAGE_TARGET = 1;

export interface Coverage {
  monitored: number;
  total: number;
  /** monitored / total; null with no unit at all. */
  ratio: number | null;
  target: number;
  /** Codes of the units not watched, provinces first, in code order. */
  unmonitored: string[];
}

type CoverageTile = Pick<Tile, 'code' | 'kind' | 'headline'>;

export function isMonitored(t: CoverageTile): boolean {
  const h = t.headline;
  const systemsReporting = h.systems_total - h.systems_noreport;
  const communesReporting = (h.communes_total ?? 0) - (h.communes_noreport ?? 0);
  return systemsReporting > 0 || (t.kind === 'province' && communesReporting > 0);
}

export function monitoringCoverage(tiles: Iterable<CoverageTile>): Coverage {
  const all = [...tiles];
  const unmonitored = all
    .filter((t) => !isMonitored(t))
    .sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'province' ? -1 : 1))
    .map((t) => t.code);
  const total = all.length;
  return {
    monitored: total - unmonitored.length,
    total,
    ratio: total === 0 ? null : (total - unmonitored.length) / total,
    target: COVERAGE_TARGET,
    unmonitored,
  };
}
