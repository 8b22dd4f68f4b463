/*
 * The committed, generated map geometry (static/geo) and what the map layers
 * need from it. Pure functions: the map component and the tests share them.
 */
import type { Tile, UnitStatus } from '@kh02/schemas';
import { displayState, STATUS_COLORS } from '$lib/status/palette';

export interface ProvinceProps {
  code: string;
  name: string;
  name_en: string;
  kind: string;
  label: [number, number];
}

export interface ProvinceFeature {
  type: 'Feature';
  properties: ProvinceProps;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface ProvinceCollection {
  type: 'FeatureCollection';
  features: ProvinceFeature[];
}

export interface Archipelago {
  id: string;
  name: string;
  name_en: string;
  province_code: string;
  province: string;
  label: [number, number];
  bbox: [number, number, number, number];
}

/** Mainland plus both archipelagos (Hoàng Sa to 112.7 °E, Trường Sa to 115.9 °E): always in view. */
export const VIETNAM_BOUNDS: [[number, number], [number, number]] = [
  [102.1, 8.2],
  [116.3, 23.4],
];

/** Per-feature paint inputs, written with setData (feature-state cannot drive fill-pattern). */
export interface PaintProps {
  status: UnitStatus;
  fill: string;
  /** Fill opacity: a stale unit keeps its last colour, dimmed, under the hatch. */
  opacity: number;
}

export function paintFor(tile: Tile | undefined, linkLost: boolean): PaintProps {
  const d = displayState(tile, linkLost);
  if (d.status === 'stale') {
    return d.lastKnown
      ? { status: 'stale', fill: STATUS_COLORS[d.lastKnown], opacity: 0.4 }
      : { status: 'stale', fill: STATUS_COLORS.stale, opacity: 0.55 };
  }
  return { status: d.status, fill: STATUS_COLORS[d.status], opacity: d.status === 'noreport' ? 0.55 : 0.92 };
}

/** The province collection with current paint properties; geometry objects are shared, not copied. */
export function paintedCollection(
  base: ProvinceCollection,
  tiles: ReadonlyMap<string, Tile>,
  linkLost: boolean,
): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: ProvinceProps & PaintProps; geometry: ProvinceFeature['geometry'] }[];
} {
  return {
    type: 'FeatureCollection',
    features: base.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { ...f.properties, ...paintFor(tiles.get(f.properties.code), linkLost) },
    })),
  };
}

/** A dashed frame around each archipelago: its islands are sub-pixel at national scale. */
export function archipelagoFrames(list: readonly Archipelago[]) {
  const pad = 0.35;
  return {
    type: 'FeatureCollection' as const,
    features: list.map((a) => {
      const [w, s, e, n] = a.bbox;
      const ring = [
        [w - pad, s - pad],
        [e + pad, s - pad],
        [e + pad, n + pad],
        [w - pad, n + pad],
        [w - pad, s - pad],
      ];
      return {
        type: 'Feature' as const,
        properties: { id: a.id },
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
      };
    }),
  };
}
