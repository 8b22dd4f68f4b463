/*
 * A fully local MapLibre style: background, the province GeoJSON, fill, a
 * hatch fill, borders and the archipelago frames. No tiles, no sprites, no
 * glyphs: names are drawn as an HTML overlay, so nothing is ever fetched
 * from a network the wall does not have.
 */
import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { HATCH_NOREPORT, HATCH_STALE } from './hatch';

export const WALL_BG = '#0a1424';
const BORDER = '#0a1424';

export const PROVINCE_SOURCE = 'provinces';
export const FILL_LAYER = 'province-fill';
export const HATCH_LAYER = 'province-hatch';
export const LINE_LAYER = 'province-line';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [PROVINCE_SOURCE]: { type: 'geojson', data: EMPTY },
      archipelagos: { type: 'geojson', data: EMPTY },
      islands: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': WALL_BG } },
      {
        id: FILL_LAYER,
        type: 'fill',
        source: PROVINCE_SOURCE,
        paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': ['get', 'opacity'], 'fill-antialias': true },
      },
      {
        id: LINE_LAYER,
        type: 'line',
        source: PROVINCE_SOURCE,
        paint: { 'line-color': BORDER, 'line-width': 1.2 },
      },
      {
        id: 'archipelago-frame',
        type: 'line',
        source: 'archipelagos',
        paint: { 'line-color': '#9DB2C9', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: 'islands',
        type: 'circle',
        source: 'islands',
        paint: {
          'circle-radius': 3,
          'circle-color': ['get', 'fill'],
          'circle-stroke-color': '#DFE8F3',
          'circle-stroke-width': 1,
        },
      },
    ],
  };
}

const PATTERNED_FILTER: FilterSpecification = ['in', ['get', 'status'], ['literal', ['noreport', 'stale']]];

/**
 * Line widths and dot sizes in CSS pixels for a map `scale` times the 1080p
 * reference, so a 4K wall gets strokes as visible as a desk monitor's.
 */
export function scaledPaint(scale: number): [layer: string, property: string, value: number][] {
  return [
    [LINE_LAYER, 'line-width', 1.2 * scale],
    ['archipelago-frame', 'line-width', 1.5 * scale],
    ['islands', 'circle-radius', 3 * scale],
    ['islands', 'circle-stroke-width', 1 * scale],
  ];
}

/** Added after the hatch images are registered (a layer must not reference a missing image). */
export function hatchLayer(): LayerSpecification {
  return {
    id: HATCH_LAYER,
    type: 'fill',
    source: PROVINCE_SOURCE,
    filter: PATTERNED_FILTER,
    paint: { 'fill-pattern': ['match', ['get', 'status'], 'stale', HATCH_STALE, HATCH_NOREPORT] },
  };
}
