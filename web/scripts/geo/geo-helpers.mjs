/**
 * Small geometry and string helpers for build-vn34.mjs. They are pure functions with no dependencies.
 */
import { COORD_DECIMALS, EARTH_RADIUS_M } from './vn34-config.mjs';

export class AssertionFailure extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionFailure(message);
}

/** Comparison key for names: no diacritics, đ→d, lower case, letters and digits only. */
export function nameKey(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function toAscii(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

export const round = (value, decimals) => Number(value.toFixed(decimals));
export const toRad = (deg) => (deg * Math.PI) / 180;

export function bboxOfRings(rings) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

export const bboxCentre = (box) => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
export const bboxInside = (inner, outer) =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/** Signed planar area in degrees². A positive value means counter-clockwise, as RFC 7946 wants for exterior rings. */
export function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

/** Spherical ring area in m² (Chamberlain & Duquette 2007, as in @mapbox/geojson-area and turf). */
export function sphericalRingArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lon1, lat1] = ring[i];
    const [lon2, lat2] = ring[i + 1];
    sum += toRad(lon2 - lon1) * (2 + Math.sin(toRad(lat1)) + Math.sin(toRad(lat2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a polygon (exterior minus holes), in km². */
export function polygonAreaKm2(polygon) {
  const [outer, ...holes] = polygon;
  const m2 = holes.reduce((acc, hole) => acc - sphericalRingArea(hole), sphericalRingArea(outer));
  return m2 / 1e6;
}

/**
 * Distance in degrees of latitude from a point to a segment. Longitude is scaled by cos(lat),
 * which is accurate enough for choosing the nearest coastline a few km away.
 */
export function pointSegmentDistance(p, a, b) {
  const k = Math.cos(toRad(p[1]));
  const [px, py] = [p[0] * k, p[1]];
  const [ax, ay] = [a[0] * k, a[1]];
  const [bx, by] = [b[0] * k, b[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function distanceToPolygons(point, polygons) {
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        best = Math.min(best, pointSegmentDistance(point, ring[i], ring[i + 1]));
      }
    }
  }
  return best;
}

export const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/**
 * Rounds a ring and drops consecutive duplicates. If rounding to 3 dp would make the ring
 * degenerate (a tiny island), it falls back to more decimals for that ring only.
 */
export function roundRing(ring, stats) {
  for (let decimals = COORD_DECIMALS; decimals <= 6; decimals++) {
    const out = [];
    for (const [x, y] of ring) {
      const p = [round(x, decimals), round(y, decimals)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    if (out.length >= 4 && Math.abs(signedArea(out)) > 0) {
      if (decimals > COORD_DECIMALS) stats.precisionFallbacks++;
      return out;
    }
  }
  throw new AssertionFailure('ring degenerate even at 6 decimals');
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function wind(ring, exterior) {
  const ccw = signedArea(ring) > 0;
  return ccw === exterior ? ring : [...ring].reverse();
}
