import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgencySchema,
  codeShape,
  COMMUNE_CODE_RE,
  CommuneSchema,
  LETTER_CODE_RE,
  PROVINCE_CODE_RE,
  ProvinceSchema,
} from '../../src/registry/types.js';

describe('code shapes', () => {
  it('classifies each shape', () => {
    expect(codeShape('79')).toBe('province');
    expect(codeShape('79001')).toBe('commune');
    expect(codeShape('BCA')).toBe('agency');
    expect(codeShape('7')).toBeUndefined();
    expect(codeShape('bca')).toBeUndefined();
  });

  it('never lets a code match two unit shapes (collision-free by construction)', () => {
    const shapes = [PROVINCE_CODE_RE, COMMUNE_CODE_RE, LETTER_CODE_RE];
    const anyCode = fc.oneof(...shapes.map((re) => fc.stringMatching(re)));
    fc.assert(fc.property(anyCode, (code) => shapes.filter((re) => re.test(code)).length === 1));
  });
});

describe('schemas', () => {
  const province = {
    code: '01',
    name: 'Hà Nội',
    nameEn: 'Hanoi',
    kind: 'thanh_pho',
    mergedFrom: ['Hà Nội'],
    communeCount: 126,
  };

  it('accepts a valid province and rejects a 3-digit code', () => {
    expect(ProvinceSchema.safeParse(province).success).toBe(true);
    expect(ProvinceSchema.safeParse({ ...province, code: '001' }).success).toBe(false);
  });

  it('rejects decomposed (NFD) Vietnamese names', () => {
    const r = ProvinceSchema.safeParse({ ...province, name: 'Hà Nội'.normalize('NFD') });
    expect(r.success).toBe(false);
  });

  it('rejects non-ASCII English names and unknown keys', () => {
    expect(ProvinceSchema.safeParse({ ...province, nameEn: 'Hà Nội' }).success).toBe(false);
    expect(ProvinceSchema.safeParse({ ...province, extra: 1 }).success).toBe(false);
  });

  it('requires a 5-digit commune code', () => {
    const c = {
      code: '0100',
      name: 'Xã A',
      nameEn: 'A Commune',
      kind: 'xa',
      provinceCode: '01',
      placeholder: true,
    };
    expect(CommuneSchema.safeParse(c).success).toBe(false);
    expect(CommuneSchema.safeParse({ ...c, code: '01001' }).success).toBe(true);
  });

  it('requires seedRef when an agency is named in the seeds', () => {
    const a = {
      code: 'BCA',
      name: 'Bộ Công an',
      nameEn: 'MPS',
      block: 'government',
      kind: 'ministry',
      namedInSeeds: true,
    };
    const r = AgencySchema.safeParse(a);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['seedRef']);
  });
});
