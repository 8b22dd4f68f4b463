import { describe, expect, it } from 'vitest';
import {
  mergeRegistryData,
  parseCommunesCsv,
  parseRegistryJson,
  parseRegistryOverride,
} from '../../src/registry/import.js';
import { buildRegistry, defaultRegistryData } from '../../src/registry/registry.js';
import type { Commune } from '../../src/registry/types.js';

const SAMPLE = [
  'code,name,kind,province_code,name_en',
  '00004,Phường Ba Đình,phường,01,Ba Dinh Ward',
  '"00008","Ngọc Hà, khu mới",Phường,1,',
  '26734,Côn Đảo,đặc khu,79,',
  '91,Tân Lập,xã,01,',
].join('\r\n');

const commune = (c: Omit<Commune, 'placeholder'>): Commune => ({ ...c, placeholder: false });

describe('parseCommunesCsv', () => {
  it('parses quoted names with commas, Vietnamese kind words and Excel-stripped zeros', () => {
    const r = parseCommunesCsv(SAMPLE);
    expect(r).toEqual({
      ok: true,
      data: [
        commune({
          code: '00004',
          name: 'Phường Ba Đình',
          nameEn: 'Ba Dinh Ward',
          kind: 'phuong',
          provinceCode: '01',
        }),
        commune({
          code: '00008',
          name: 'Phường Ngọc Hà, khu mới',
          nameEn: 'Ngoc Ha, khu moi Ward',
          kind: 'phuong',
          provinceCode: '01',
        }),
        commune({
          code: '26734',
          name: 'Đặc khu Côn Đảo',
          nameEn: 'Con Dao Special Zone',
          kind: 'dac_khu',
          provinceCode: '79',
        }),
        commune({
          code: '00091',
          name: 'Xã Tân Lập',
          nameEn: 'Tan Lap Commune',
          kind: 'xa',
          provinceCode: '01',
        }),
      ],
    });
  });

  it('normalises decomposed (NFD) text and accepts ; as separator', () => {
    const r = parseCommunesCsv('code;name;kind;province_code\n00004;Phường Ba Đình;phường;01\n'.normalize('NFD'));
    expect(r.ok && r.data[0]?.name).toBe('Phường Ba Đình');
  });

  it('reports bad rows with line numbers, in Vietnamese and English', () => {
    const text = [
      'code,name,kind,province_code',
      '00004,Phường Ba Đình,phường,01',
      '00005,Thị trấn Cũ,thị trấn,01',
      '123456,Xã Dài,xã,01',
      '00004,Xã Trùng,xã,01',
      '00006,Xã Thiếu,xã',
    ].join('\n');
    const r = parseCommunesCsv(text);
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => ('line' in e ? e.line : e.path))).toEqual([3, 4, 5, 6]);
    expect(r.errors[0]?.message).toEqual({
      vi: 'cột kind: không nhận ra "thị trấn" (xã, phường, đặc khu)',
      en: 'column kind: unknown "thị trấn" (xa, phuong, dac_khu)',
    });
    expect(r.errors[1]?.message).toEqual({
      vi: 'cột code: mã đơn vị cấp xã phải gồm đúng 5 chữ số',
      en: 'column code: commune-level unit code must be exactly 5 digits',
    });
    expect(r.errors[2]?.message.en).toBe('duplicate code "00004" (first on line 2)');
    expect(r.errors[3]?.message.vi).toBe('cần 4 trường, có 3');
  });

  it('rejects a wrong header', () => {
    const r = parseCommunesCsv('code,ten,kind\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message.en)).toEqual([
      'unknown column "ten"',
      'missing column "name"',
      'missing column "province_code"',
    ]);
  });
});

describe('parseRegistryJson', () => {
  it('accepts a partial override, deriving English names and placeholder=false', () => {
    const r = parseRegistryJson(
      JSON.stringify({
        communes: [{ code: '00004', name: 'Phường Ba Đình', kind: 'phuong', provinceCode: '01' }],
      }),
    );
    expect(r).toEqual({
      ok: true,
      data: {
        communes: [
          commune({
            code: '00004',
            name: 'Phường Ba Đình',
            nameEn: 'Ba Dinh Ward',
            kind: 'phuong',
            provinceCode: '01',
          }),
        ],
      },
    });
  });

  it('reports paths for bad items, unknown lists and broken JSON', () => {
    const r = parseRegistryJson(
      JSON.stringify({
        communes: [{ code: '4', name: 'X', kind: 'xa', provinceCode: '01' }],
        commune: [],
      }),
    );
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => ('path' in e ? e.path : e.line))).toEqual(['communes[0].code', '$']);
    const broken = parseRegistryJson('{');
    expect(!broken.ok && broken.errors[0]).toMatchObject({ path: '$' });
    expect(parseRegistryJson('{}').ok).toBe(false);
  });

  it('picks the parser from the file name', () => {
    expect(parseRegistryOverride('communes.CSV', SAMPLE).ok).toBe(true);
    expect(parseRegistryOverride('x.yaml', '').ok).toBe(false);
  });
});

describe('mergeRegistryData', () => {
  it('replaces the communes wholesale and keeps the provincial centres', () => {
    const base = defaultRegistryData();
    const parsed = parseCommunesCsv(SAMPLE);
    if (!parsed.ok) throw new Error('sample must parse');
    const merged = mergeRegistryData(base, { communes: parsed.data });
    const real = merged.communes.filter((c) => c.kind !== 'trung_tam_tinh');
    expect(real).toEqual(parsed.data);
    expect(merged.communes.filter((c) => c.kind === 'trung_tam_tinh')).toHaveLength(34);
    expect(merged.provinces).toBe(base.provinces);
    // An imported list that disagrees with the published counts only warns.
    const reg = buildRegistry(merged);
    expect(reg.commune('26734')?.name).toBe('Đặc khu Côn Đảo');
    expect(reg.provinceOf('26734')).toBe('79');
    expect(reg.warnings).toHaveLength(34);
  });

  it('uses the override’s own centres when it brings them', () => {
    const base = defaultRegistryData();
    const centre = commune({
      code: '01000',
      name: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
      nameEn: 'Hanoi PASC',
      kind: 'trung_tam_tinh',
      provinceCode: '01',
    });
    const merged = mergeRegistryData(base, { communes: [centre] });
    expect(merged.communes).toEqual([centre]);
  });
});
