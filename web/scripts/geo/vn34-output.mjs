/**
 * Serialisation and the console summary for build-vn34.mjs.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COORD_DECIMALS } from './vn34-config.mjs';

/** One feature per line: small diffs in git, and only ~34 bytes more than fully minified output. */
export function serializeCollection(features) {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Formatted like Prettier's JSON output (2-space indent, short number arrays on one line), so `prettier --check` passes. */
export function serializeArchipelagos(records) {
  return `${JSON.stringify(records, null, 2).replace(/\[\s+([-\d.]+(?:,\s+[-\d.]+)*)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

export function countPoints(features) {
  let rings = 0;
  let points = 0;
  let parts = 0;
  for (const f of features) {
    for (const polygon of f.geometry.coordinates) {
      parts++;
      for (const ring of polygon) {
        rings++;
        points += ring.length;
      }
    }
  }
  return { parts, rings, points };
}

export function printSummary({
  parts,
  namedFeatures,
  features,
  geojson,
  stats,
  protectedRings,
  archipelagoRecords,
  outDir,
}) {
  const { parts: polygonCount, rings, points } = countPoints(features);
  const totalArea = features.reduce((sum, f) => sum + f.properties.area_km2, 0);
  const log = (line = '') => console.log(line);
  log(`Natural Earth: ${namedFeatures} named features → 63 former provinces, ${parts.length} input parts`);
  for (const part of parts.filter((p) => p.note)) log(`  ${part.note}`);
  for (const r of archipelagoRecords) log(`  ${r.name}: label ${r.label}, bbox ${r.bbox} → ${r.province}`);
  log();
  log('code  name                  kind       parts  area_km2  label');
  for (const f of features) {
    const p = f.properties;
    log(
      `${p.code}    ${p.name.padEnd(20)}  ${p.kind.padEnd(9)}  ${String(f.geometry.coordinates.length).padStart(5)}  ` +
        `${String(p.area_km2).padStart(8)}  ${p.label}`,
    );
  }
  log();
  log(`features: ${features.length}  polygons: ${polygonCount}  rings: ${rings}  points: ${points}`);
  log(`protected rings: ${protectedRings}  rings kept at >${COORD_DECIMALS} dp: ${stats.precisionFallbacks}`);
  log(`total area: ${totalArea.toLocaleString('en-US')} km² (full-resolution geometry)`);
  log(`${join(outDir, 'vn34.geojson')}: ${Buffer.byteLength(geojson)} bytes (${gzipSync(geojson).length} gzip)`);
  log(`${join(outDir, 'archipelagos.json')}: ${archipelagoRecords.length} archipelagos`);
}
