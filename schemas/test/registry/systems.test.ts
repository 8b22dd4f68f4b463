import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../src/registry/data/agencies.js';
import { PROVINCES } from '../../src/registry/data/provinces.js';
import { VENDORS } from '../../src/registry/data/vendors.js';
import { generateSystems } from '../../src/registry/systems.js';

const systems = generateSystems(PROVINCES, AGENCIES);

describe('systems', () => {
  it('gives every province its five systems, the TTHC one critical', () => {
    for (const p of PROVINCES) {
      const ids = systems.filter((s) => s.unitCode === p.code).map((s) => s.id);
      expect(ids).toEqual(['tthc', 'qlvb', 'lgsp', 'sso', 'ioc'].map((k) => `p${p.code}.${k}`));
    }
    const hcm = systems.find((s) => s.id === 'p79.tthc');
    expect(hcm).toMatchObject({
      name: 'Hệ thống thông tin giải quyết TTHC TP. Hồ Chí Minh',
      critical: true,
    });
    expect(systems.find((s) => s.id === 'p04.tthc')?.name).toBe('Hệ thống thông tin giải quyết TTHC tỉnh Cao Bằng');
  });

  it('resolves every vendor and owner, with unique ids', () => {
    const vendors = new Set(VENDORS.map((v) => v.code));
    const owners = new Set([...PROVINCES.map((p) => p.code), ...AGENCIES.map((a) => a.code)]);
    for (const s of systems) {
      expect(vendors.has(s.vendorCode), s.id).toBe(true);
      expect(owners.has(s.unitCode), s.id).toBe(true);
    }
    expect(new Set(systems.map((s) => s.id)).size).toBe(systems.length);
  });

  it('spreads provincial TTHC systems over vendors with VNPT the largest, all four vendors used', () => {
    const tthc = systems.filter((s) => s.kind === 'tthc' && s.id.startsWith('p'));
    const by = (v: string): number => tthc.filter((s) => s.vendorCode === v).length;
    for (const v of ['VIETTEL', 'FPT', 'CMC']) expect(by('VNPT')).toBeGreaterThan(by(v));
    for (const v of VENDORS)
      expect(
        systems.some((s) => s.vendorCode === v.code),
        v.code,
      ).toBe(true);
  });

  it('gives government agencies TTHC + document systems and other blocks document systems only', () => {
    const ids = new Set(systems.map((s) => s.id));
    expect(ids.has('a-bca.tthc') && ids.has('a-bca.qlvb')).toBe(true);
    expect(ids.has('a-bhxh.tthc')).toBe(true);
    expect(ids.has('a-vpcp.tthc')).toBe(false);
    expect(ids.has('a-vptw.qlvb') && !ids.has('a-vptw.tthc')).toBe(true);
  });

  it('attaches national platforms to their owner agencies', () => {
    const nat = new Map(systems.filter((s) => s.id.startsWith('nat.')).map((s) => [s.id, s]));
    expect(nat.size).toBe(7);
    expect(nat.get('nat.dvcqg')).toMatchObject({ unitCode: 'VPCP', vendorCode: 'VNPT' });
    expect(nat.get('nat.vneid')).toMatchObject({ unitCode: 'BCA', vendorCode: 'VIETTEL' });
    expect(nat.get('nat.tslcd')).toMatchObject({ unitCode: 'BKHCN', vendorCode: 'VNPT' });
  });

  it('is deterministic and drops platforms whose owner is absent', () => {
    expect(generateSystems(PROVINCES, AGENCIES)).toEqual(systems);
    const withoutBca = generateSystems(
      PROVINCES,
      AGENCIES.filter((a) => a.code !== 'BCA'),
    );
    expect(withoutBca.some((s) => s.unitCode === 'BCA')).toBe(false);
  });
});
