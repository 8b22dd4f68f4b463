import { describe, expect, it } from 'vitest';
import { AgencySchema, AGENCY_BLOCKS } from '../../../src/registry/types.js';
import { AGENCIES, AGENCY_BLOCK_NAMES } from '../../../src/registry/data/agencies.js';

const count = (pred: (a: (typeof AGENCIES)[number]) => boolean): number => AGENCIES.filter(pred).length;

describe('agencies', () => {
  it('has at least one agency in every block, with bilingual block names', () => {
    for (const b of AGENCY_BLOCKS) {
      expect(count((a) => a.block === b), b).toBeGreaterThanOrEqual(1);
      expect(AGENCY_BLOCK_NAMES[b].vi.length).toBeGreaterThan(0);
    }
    expect(AGENCY_BLOCK_NAMES.government).toEqual({ vi: 'Khối Chính phủ', en: 'Government' });
  });

  it('has the Government structure: 14 ministries, 3 ministerial-level, 5 under the Government', () => {
    expect(count((a) => a.kind === 'ministry')).toBe(14);
    expect(count((a) => a.kind === 'ministerial_agency')).toBe(3);
    expect(count((a) => a.kind === 'government_agency')).toBe(5);
  });

  it('has unique codes, valid items and resolvable parents', () => {
    const codes = new Set(AGENCIES.map((a) => a.code));
    expect(codes.size).toBe(AGENCIES.length);
    for (const a of AGENCIES) {
      expect(AgencySchema.safeParse(a).success, a.code).toBe(true);
      if (a.parentCode !== undefined) expect(codes.has(a.parentCode), a.code).toBe(true);
    }
    const byCode = new Map(AGENCIES.map((a) => [a.code, a]));
    expect(byCode.get('BCYCP')?.parentCode).toBe('BQP');
    expect(byCode.get('BHXH')?.parentCode).toBe('BTC');
  });

  it('marks seed-named agencies with a seed reference', () => {
    const byCode = new Map(AGENCIES.map((a) => [a.code, a]));
    expect(byCode.get('VPTW')).toMatchObject({ namedInSeeds: true, seedRef: '000 L480' });
    expect(byCode.get('NHNN')?.namedInSeeds).toBe(false);
    for (const a of AGENCIES) if (a.namedInSeeds) expect(a.seedRef).toMatch(/^00[0-4] L\d+/);
  });
});
