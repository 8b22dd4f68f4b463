import { describe, expect, it } from 'vitest';
import { ProvinceSchema } from '../../../src/registry/types.js';
import { SPECIAL_ZONES, WARD_COUNT } from '../../../src/registry/data/commune-composition.js';
import { PROVINCES } from '../../../src/registry/data/provinces.js';

const EXPECTED_CODES = [
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
  '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
]; // prettier-ignore

describe('provinces', () => {
  it('has the 34 units with the listed codes, unique', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.map((p) => p.code)).toEqual(EXPECTED_CODES);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
  });

  it('totals 3,321 commune-level units (HCMC most, Lai Châu fewest)', () => {
    expect(PROVINCES.reduce((s, p) => s + p.communeCount, 0)).toBe(3321);
    const sorted = [...PROVINCES].sort((a, b) => a.communeCount - b.communeCount);
    expect(sorted[0]?.name).toBe('Lai Châu');
    expect(sorted.at(-1)?.name).toBe('TP. Hồ Chí Minh');
  });

  it('has the 6 centrally-run cities with their exact display names', () => {
    const cities = PROVINCES.filter((p) => p.kind === 'thanh_pho').map((p) => p.name);
    expect(cities).toEqual(['Hà Nội', 'Hải Phòng', 'Huế', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Cần Thơ']);
  });

  it('covers each of the 63 pre-merger provinces exactly once', () => {
    const all = PROVINCES.flatMap((p) => p.mergedFrom);
    expect(all).toHaveLength(63);
    expect(new Set(all).size).toBe(63);
    expect(PROVINCES.filter((p) => p.mergedFrom.length > 1)).toHaveLength(23);
  });

  it('passes the schema (NFC names, ASCII English names)', () => {
    for (const p of PROVINCES) expect(ProvinceSchema.safeParse(p).success).toBe(true);
  });
});

describe('commune composition', () => {
  it('matches the national totals: 687 phường, 13 đặc khu, 2,621 xã', () => {
    const wards = Object.values(WARD_COUNT).reduce((s, n) => s + n, 0);
    expect(wards).toBe(687);
    expect(SPECIAL_ZONES).toHaveLength(13);
    expect(3321 - wards - SPECIAL_ZONES.length).toBe(2621);
  });

  it('has a ward count for every province that fits its commune count', () => {
    for (const p of PROVINCES) {
      const zones = SPECIAL_ZONES.filter((z) => z.provinceCode === p.code).length;
      const wards = WARD_COUNT[p.code];
      expect(wards, p.name).toBeDefined();
      expect((wards ?? 0) + zones).toBeLessThanOrEqual(p.communeCount);
    }
  });
});
