import { describe, expect, it } from 'vitest';
import { buildRegistry, defaultRegistry, defaultRegistryData, RegistryError } from '../../src/registry/registry.js';
import type { RegistryData } from '../../src/registry/types.js';

const r = defaultRegistry();

/** Runs buildRegistry and returns the paths of the problems it threw. */
function problemPaths(data: RegistryData): string[] {
  try {
    buildRegistry(data);
  } catch (e) {
    if (e instanceof RegistryError) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
}

describe('default registry', () => {
  it('builds without warnings and is memoised', () => {
    expect(r.warnings).toEqual([]);
    expect(defaultRegistry()).toBe(r);
    expect(r.provinces).toHaveLength(34);
    expect(r.communes).toHaveLength(3355);
  });

  it('looks units up by code', () => {
    expect(r.province('79')?.name).toBe('TP. Hồ Chí Minh');
    expect(r.commune('79001')?.provinceCode).toBe('79');
    expect(r.agency('BCA')?.name).toBe('Bộ Công an');
    expect(r.vendor('VNPT')?.name).toBe('Tập đoàn Bưu chính Viễn thông Việt Nam');
    expect(r.system('nat.vneid')?.unitCode).toBe('BCA');
    expect(r.province('00')).toBeUndefined();
  });

  it('answers kindOf and provinceOf', () => {
    expect(r.kindOf('79')).toBe('province');
    expect(r.kindOf('79001')).toBe('commune');
    expect(r.kindOf('79000')).toBe('commune');
    expect(r.kindOf('BCA')).toBe('agency');
    expect(r.kindOf('VNPT')).toBeUndefined();
    expect(r.provinceOf('79001')).toBe('79');
    expect(r.provinceOf('79')).toBe('79');
    expect(r.provinceOf('BCA')).toBeUndefined();
  });

  it('lists communes of a province without the centre unless asked', () => {
    expect(r.communesOf('22')).toHaveLength(54);
    expect(r.communesOf('22', { includeCentre: true })).toHaveLength(55);
    expect(r.centreOf('22')?.code).toBe('22000');
    expect(r.communesOf('00')).toEqual([]);
  });

  it('lists systems by owner and by vendor', () => {
    expect(r.systemsOf('01').map((s) => s.id)).toContain('p01.tthc');
    expect(r.systemsOf('VPCP').map((s) => s.id)).toContain('nat.dvcqg');
    const vnpt = r.systemsOfVendor('VNPT');
    expect(vnpt.length).toBeGreaterThan(0);
    expect(vnpt.every((s) => s.vendorCode === 'VNPT')).toBe(true);
    const total = r.vendors.reduce((n, v) => n + r.systemsOfVendor(v.code).length, 0);
    expect(total).toBe(r.systems.length);
  });

  it('groups agencies by block with every block present', () => {
    const blocks = r.agenciesByBlock();
    expect(Object.keys(blocks)).toHaveLength(8);
    expect(blocks.government.map((a) => a.code)).toContain('VPCP');
    expect(blocks.state_audit.map((a) => a.code)).toEqual(['KTNN']);
  });
});

describe('integrity checks', () => {
  it('reports an unknown vendor with its path', () => {
    const data = defaultRegistryData();
    const first = data.systems[0];
    if (first === undefined) throw new Error('no systems');
    data.systems[0] = { ...first, vendorCode: 'NOPE' };
    expect(() => buildRegistry(data)).toThrow(/systems\[0\]\.vendorCode: unknown vendor "NOPE"/);
  });

  it('lists every problem at once, schema and references alike', () => {
    const data = defaultRegistryData();
    data.communes.push({
      code: '99001',
      name: 'Xã Lạ',
      nameEn: 'La Commune',
      kind: 'xa',
      provinceCode: '99',
      placeholder: true,
    });
    data.agencies.push({
      code: 'X',
      name: 'x',
      nameEn: 'x',
      block: 'party',
      kind: 'party_agency',
      namedInSeeds: false,
    });
    data.vendors.push({ code: 'BCA', name: 'Trùng', nameEn: 'Clash' });
    data.systems.push({ ...(data.systems[0] as RegistryData['systems'][number]), unitCode: 'ZZZ' });
    const paths = problemPaths(data);
    const n = data.communes.length - 1;
    expect(paths).toEqual(
      expect.arrayContaining([
        `communes[${n}].provinceCode`,
        `agencies[${data.agencies.length - 1}].code`,
        `vendors[${data.vendors.length - 1}].code`,
        `systems[${data.systems.length - 1}].id`,
        `systems[${data.systems.length - 1}].unitCode`,
      ]),
    );
  });

  it('rejects a parent cycle and an unknown parent', () => {
    const data = defaultRegistryData();
    data.agencies = data.agencies.map((a) =>
      a.code === 'BQP' ? { ...a, parentCode: 'BCYCP' } : a.code === 'BTC' ? { ...a, parentCode: 'NONE' } : a,
    );
    const paths = problemPaths(data);
    const at = (code: string): number => data.agencies.findIndex((a) => a.code === code);
    expect(paths).toContain(`agencies[${at('BQP')}].parentCode`);
    expect(paths).toContain(`agencies[${at('BTC')}].parentCode`);
  });

  it('treats a commune-count mismatch as an error for generated lists', () => {
    const data = defaultRegistryData();
    data.communes = data.communes.filter((c) => c.code !== '01001');
    expect(problemPaths(data)).toEqual(['provinces[0].communeCount']);
  });

  it('treats a commune-count mismatch as a warning for imported lists', () => {
    const data = defaultRegistryData();
    data.communes = data.communes.filter((c) => c.code !== '01001').map((c) => ({ ...c, placeholder: false }));
    const reg = buildRegistry(data);
    expect(reg.warnings.map((w) => w.path)).toEqual(['provinces[0].communeCount']);
    expect(reg.warnings[0]?.message.vi).toContain('125');
  });

  it('rejects a second service centre in a province', () => {
    const data = defaultRegistryData();
    data.communes.push({
      ...(data.communes[0] as RegistryData['communes'][number]),
      code: '01999',
    });
    expect(problemPaths(data)).toEqual([`communes[${data.communes.length - 1}].kind`]);
  });

  it('rejects input that is not registry-shaped', () => {
    expect(problemPaths({ provinces: [] } as unknown as RegistryData)).toEqual(
      expect.arrayContaining(['communes', 'agencies', 'vendors', 'systems']),
    );
  });
});
