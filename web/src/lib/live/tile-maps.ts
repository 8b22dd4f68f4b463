/*
 * Immutable updates for the feeds' collections. The feeds keep these in
 * `$state.raw` and replace them whole, so Svelte sees one change per message
 * and nothing is mutated in place (hence plain Map, not SvelteMap).
 */
import type { ChildTile, Tile } from '@kh02/schemas';

export function tilesByCode(tiles: readonly Tile[]): ReadonlyMap<string, Tile> {
  return new Map(tiles.map((t) => [t.code, t]));
}

/** A new map with `changed` tiles replacing (or adding to) `current`. */
export function mergeTiles(current: ReadonlyMap<string, Tile>, changed: readonly Tile[]): ReadonlyMap<string, Tile> {
  if (changed.length === 0) return current;
  const next = new Map(current);
  for (const t of changed) next.set(t.code, t);
  return next;
}

/** Replaces children by code, keeping the order the server first gave; new ones go last. */
export function mergeChildren(current: readonly ChildTile[], changed: readonly ChildTile[]): ChildTile[] {
  if (changed.length === 0) return current as ChildTile[];
  const byCode = new Map(changed.map((c) => [c.code, c]));
  const next = current.map((c) => {
    const updated = byCode.get(c.code);
    if (updated) byCode.delete(c.code);
    return updated ?? c;
  });
  return [...next, ...byCode.values()];
}
