import { SPECIAL_ZONES, WARD_COUNT } from './data/commune-composition.js';
import { hashSeed, seededRandom, shuffled } from './prng.js';
import { communeNameEn, provinceTitle, withCommunePrefix } from './text.js';
import type { Commune, CommuneKind, Province } from './types.js';

/*
 * The official list of 3,321 commune-level units (with their official codes)
 * is not available as a package, so until operators import it (see
 * docs/registry.md) the wall runs on deterministic stand-ins: the real count
 * per province, a realistic xã/phường split, the 13 real special zones by
 * name, and invented but Vietnamese-looking names. Codes are
 * `${provinceCode}${001..}` and are NOT official commune codes.
 */

/** Common first syllables of Vietnamese place names. */
// prettier-ignore
const FIRST = [
  'Tân', 'An', 'Bình', 'Phú', 'Hòa', 'Long', 'Vĩnh', 'Thạnh', 'Hưng', 'Minh',
  'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Phước', 'Thuận', 'Quang', 'Đức', 'Hiệp',
] as const;

/** Common second syllables. */
// prettier-ignore
const SECOND = [
  'Phú', 'Hòa', 'Lợi', 'Thành', 'Xuân', 'An', 'Bình', 'Hưng', 'Thịnh', 'Lộc',
  'Sơn', 'Lâm', 'Hải', 'Tiến', 'Phong', 'Mỹ', 'Định', 'Khánh', 'Tâm', 'Trung',
  'Phúc', 'Nghĩa', 'Thới', 'Quý',
] as const;

const SPECIAL_ZONE_NAMES = new Set(SPECIAL_ZONES.map((z) => z.name));

/** 474 distinct two-syllable names; a doubled syllable ("An An") or a real special-zone name is skipped. */
const NAME_POOL: readonly string[] = FIRST.flatMap((a) => SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`)).filter(
  (n) => !SPECIAL_ZONE_NAMES.has(n),
);

/** Highest index a 3-digit suffix can carry; `000` is the provincial centre. */
const MAX_UNITS_PER_PROVINCE = 999;

/** Code of the provincial public-administration service centre of a province. */
export function centreCode(provinceCode: string): string {
  return `${provinceCode}000`;
}

/** The provincial public-administration service centre, which reports counters like a commune. */
export function provincialCentre(p: Province): Commune {
  return {
    code: centreCode(p.code),
    name: `Trung tâm Phục vụ hành chính công ${provinceTitle(p)}`,
    nameEn: `${p.nameEn} Public Administration Service Centre`,
    kind: 'trung_tam_tinh',
    provinceCode: p.code,
    placeholder: false,
  };
}

/** Ward count to use when a province is not in the table (e.g. an imported province list). */
function wardCountFor(p: Province, available: number): number {
  const known = WARD_COUNT[p.code];
  const guess = Math.round(p.communeCount * (p.kind === 'thanh_pho' ? 0.5 : 0.1));
  return Math.min(known ?? guess, available);
}

/** Placeholder commune-level units of one province: phường first, then xã, then đặc khu. */
export function placeholderCommunesOf(p: Province): Commune[] {
  if (p.communeCount > MAX_UNITS_PER_PROVINCE || p.communeCount > NAME_POOL.length) {
    throw new Error(`province ${p.code}: communeCount ${p.communeCount} exceeds what codes/names can hold`);
  }
  const zones = SPECIAL_ZONES.filter((z) => z.provinceCode === p.code).slice(0, p.communeCount);
  const wards = wardCountFor(p, p.communeCount - zones.length);
  const communes = p.communeCount - zones.length - wards;
  const names = shuffled(NAME_POOL, seededRandom(hashSeed(`communes:${p.code}`)));

  const plan: { kind: CommuneKind; bare: string }[] = [];
  for (let i = 0; i < wards + communes; i++) {
    plan.push({ kind: i < wards ? 'phuong' : 'xa', bare: names[i] ?? '' });
  }
  for (const z of zones) plan.push({ kind: 'dac_khu', bare: z.name });

  return plan.map(({ kind, bare }, i) => {
    const name = withCommunePrefix(bare, kind);
    return {
      code: `${p.code}${String(i + 1).padStart(3, '0')}`,
      name,
      nameEn: communeNameEn(name, kind),
      kind,
      provinceCode: p.code,
      placeholder: true,
    };
  });
}

/** Centre + placeholder communes for every province, in province order. */
export function generateCommunes(provinces: readonly Province[]): Commune[] {
  return provinces.flatMap((p) => [provincialCentre(p), ...placeholderCommunesOf(p)]);
}
