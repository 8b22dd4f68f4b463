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

/**
 * Mainland plus both archipelagos, always in view. Trường Sa (to 115.9 °E)
 * is drawn as an inset moved west next to the southern coast, and Hoàng Sa
 * a little west, inside dashed frames that say they are insets: at true
 * position the sea between them would take a quarter of the wall's width
 * and leave the provinces small. Only the islands' dots, frames and labels
 * move; the provinces' own geometry is untouched.
 */
export const ARCHIPELAGO_INSETS: Readonly<Record<string, [number, number]>> = {
  'hoang-sa': [-0.3, 0],
  'truong-sa': [-3.4, 0],
};

export const VIETNAM_BOUNDS: [[number, number], [number, number]] = [
  [102.1, 8.2],
  [112.9, 23.4],
];

const shiftOf = (id: string): [number, number] => ARCHIPELAGO_INSETS[id] ?? [0, 0];

/** An archipelago as drawn: its label and frame at the inset position. */
export function insetArchipelago(a: Archipelago): Archipelago {
  const [dx, dy] = shiftOf(a.id);
  const [w, s, e, n] = a.bbox;
  return { ...a, label: [a.label[0] + dx, a.label[1] + dy], bbox: [w + dx, s + dy, e + dx, n + dy] };
}

/**
 * Labels of the small Red River delta provinces would sit on top of each
 * other at national scale; they are moved out over the Gulf of Tonkin and
 * tied to their province with a leader line.
 */
export const LABEL_MOVES: Readonly<Record<string, [number, number]>> = {
  '31': [107.75, 20.45], // Hải Phòng
  '33': [107.45, 19.95], // Hưng Yên
  '37': [107.05, 19.45], // Ninh Bình
};

/** Labels shifted inside their own province, to a roomier spot than its centre (label-layout.ts does the rest). */
const LABEL_NUDGES: Readonly<Record<string, [number, number]>> = {
  '75': [106.85, 11.95], // Đồng Nai, clear of Lâm Đồng and TP. Hồ Chí Minh
  '19': [105.85, 22.27], // Thái Nguyên, clear of Lạng Sơn
  '22': [107.5, 21.3], // Quảng Ninh, clear of Bắc Ninh
  '04': [106.6, 22.72], // Cao Bằng, clear of Tuyên Quang
};

export function labelPoint(f: ProvinceFeature): [number, number] {
  return LABEL_MOVES[f.properties.code] ?? LABEL_NUDGES[f.properties.code] ?? f.properties.label;
}

/**
 * One point per island polygon of Hoàng Sa and Trường Sa (found at their
 * true position, drawn at the inset's): the islands are far below a pixel at
 * national scale, so they are drawn as dots in their province's colour
 * inside the dashed frame.
 */
export function islandPoints(base: ProvinceCollection, list: readonly Archipelago[]) {
  const features: {
    type: 'Feature';
    properties: { code: string };
    geometry: { type: 'Point'; coordinates: [number, number] };
  }[] = [];
  for (const a of list) {
    const f = base.features.find((x) => x.properties.code === a.province_code);
    if (!f || f.geometry.type !== 'MultiPolygon') continue;
    const [w, s, e, n] = a.bbox;
    const [dx, dy] = shiftOf(a.id);
    for (const polygon of f.geometry.coordinates as [number, number][][][]) {
      const first = polygon[0]?.[0];
      if (first && first[0] >= w && first[0] <= e && first[1] >= s && first[1] <= n) {
        features.push({
          type: 'Feature',
          properties: { code: f.properties.code },
          geometry: { type: 'Point', coordinates: [first[0] + dx, first[1] + dy] },
        });
      }
    }
  }
  return { type: 'FeatureCollection' as const, features };
}

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
      ? { status: 'stale', fill: STATUS_COLORS[d.lastKnown], opacity: 0.6 }
      : { status: 'stale', fill: STATUS_COLORS.stale, opacity: 0.55 };
  }
  return { status: d.status, fill: STATUS_COLORS[d.status], opacity: d.status === 'noreport' ? 0.55 : 0.92 };
}

/** Any collection whose features carry a province `code`, with that province's paint added. */
export function withPaint<P extends { code: string }, G>(
  fc: { type: 'FeatureCollection'; features: { type: 'Feature'; properties: P; geometry: G }[] },
  tiles: ReadonlyMap<string, Tile>,
  linkLost: boolean,
) {
  return {
    type: 'FeatureCollection' as const,
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...paintFor(tiles.get(f.properties.code), linkLost) },
    })),
  };
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
