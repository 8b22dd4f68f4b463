import type { Reason, Tile } from '@kh02/schemas';
import { registry } from '$lib/registry';

/**
 * Red reasons of a unit other than its tickets (an open ticket holds its
 * unit's colour by design, so it cannot be the reason to hesitate): what
 * closing a ticket would leave unexplained.
 */
export function redByFigures(tile: Tile | undefined): Reason[] {
  if (!tile || tile.status !== 'red') return [];
  return tile.reasons.filter((r) => r.indicator !== 'open_ticket' && r.status === 'red');
}

/** The wall tile a ticket's unit belongs to: a commune's ticket shows on its province. */
export function wallCodeOf(unitCode: string): string {
  const r = registry();
  return r.kindOf(unitCode) === 'commune' ? (r.provinceOf(unitCode) ?? unitCode) : unitCode;
}
