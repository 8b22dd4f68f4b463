import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/registry/data/provinces.js';
import { generateCommunes, placeholderCommunesOf, provincialCentre } from '../../src/registry/placeholder-communes.js';
import { CommuneSchema, type Province } from '../../src/registry/types.js';

const communes = generateCommunes(PROVINCES);
const real = communes.filter((c) => c.kind !== 'trung_tam_tinh');

describe('placeholder communes', () => {
  it('generates each province’s real count, 3,321 in all, plus 34 centres', () => {
    expect(real).toHaveLength(3321);
    expect(communes).toHaveLength(3355);
    for (const p of PROVINCES) {
      expect(
        real.filter((c) => c.provinceCode === p.code),
        p.name,
      ).toHaveLength(p.communeCount);
    }
  });

  it('uses codes provinceCode + 001.., unique, and every item passes the schema', () => {
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    for (const c of communes) {
      expect(c.code.startsWith(c.provinceCode)).toBe(true);
      expect(CommuneSchema.safeParse(c).success).toBe(true);
    }
    expect(placeholderCommunesOf(PROVINCES[0] as Province)[0]?.code).toBe('01001');
  });

  it('names are unique within a province and carry the kind prefix', () => {
    const prefix = { xa: 'Xã ', phuong: 'Phường ', dac_khu: 'Đặc khu ' } as const;
    for (const p of PROVINCES) {
      const names = real.filter((c) => c.provinceCode === p.code).map((c) => c.name);
      expect(new Set(names).size, p.name).toBe(names.length);
    }
    for (const c of real) {
      if (c.kind === 'trung_tam_tinh') continue;
      expect(c.name.startsWith(prefix[c.kind]), c.name).toBe(true);
      expect(c.placeholder).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generateCommunes(PROVINCES)).toEqual(communes);
  });

  it('has the 13 real special zones by name', () => {
    const zones = real.filter((c) => c.kind === 'dac_khu');
    expect(zones).toHaveLength(13);
    const names = zones.map((z) => `${z.provinceCode} ${z.name}`);
    expect(names).toContain('22 Đặc khu Vân Đồn');
    expect(names).toContain('79 Đặc khu Côn Đảo');
    expect(names).toContain('91 Đặc khu Thổ Châu');
    expect(names).toContain('56 Đặc khu Trường Sa');
    expect(names).toContain('48 Đặc khu Hoàng Sa');
  });

  it('splits kinds plausibly: HCMC mostly wards, provinces mostly communes', () => {
    const share = (code: string, kind: string): number => {
      const list = real.filter((c) => c.provinceCode === code);
      return list.filter((c) => c.kind === kind).length / list.length;
    };
    expect(share('79', 'phuong')).toBeGreaterThan(0.5);
    expect(share('04', 'xa')).toBeGreaterThan(0.9);
    expect(real.filter((c) => c.kind === 'phuong')).toHaveLength(687);
  });

  it('adds one provincial service centre per province at code ppp000', () => {
    const hue = PROVINCES.find((p) => p.code === '46') as Province;
    expect(provincialCentre(hue)).toEqual({
      code: '46000',
      name: 'Trung tâm Phục vụ hành chính công thành phố Huế',
      nameEn: 'Hue Public Administration Service Centre',
      kind: 'trung_tam_tinh',
      provinceCode: '46',
      placeholder: false,
    });
    expect(communes.filter((c) => c.kind === 'trung_tam_tinh')).toHaveLength(34);
  });

  it('guesses a kind split for a province missing from the ward table', () => {
    const p: Province = {
      code: '99',
      name: 'Thử Nghiệm',
      nameEn: 'Test',
      kind: 'tinh',
      mergedFrom: ['Thử Nghiệm'],
      communeCount: 20,
    };
    const list = placeholderCommunesOf(p);
    expect(list).toHaveLength(20);
    expect(list.filter((c) => c.kind === 'phuong')).toHaveLength(2);
  });
});
