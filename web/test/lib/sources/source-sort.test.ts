import { describe, expect, it } from 'vitest';
import type { ProvinceCounters, SystemSource } from '@kh02/schemas';
import { sortProvinces, sortSystems } from '../../../src/lib/sources/source-sort';

const system = (id: string, over: Partial<SystemSource> = {}): SystemSource => ({
  id,
  name: id,
  vendor: 'VNPT',
  unit_code: '01',
  critical: false,
  last_observed_at: '2026-11-23T00:20:00Z',
  last_received_at: '2026-11-23T00:20:05Z',
  lag_s: 5,
  sample_status: 'ok',
  daily_report: { for_date: '2026-11-22', received_at: '2026-11-22T23:00:00Z', status: 'ok' },
  ...over,
});

describe('07:30 panel ordering', () => {
  it('puts silent systems first, then late, then missing daily reports, critical before others', () => {
    const list = [
      system('a-ok'),
      system('b-missing', { daily_report: { for_date: '2026-11-22', received_at: null, status: 'missing' } }),
      system('c-late', { sample_status: 'late' }),
      system('d-silent', { sample_status: 'silent', last_received_at: null }),
      system('e-silent-critical', { sample_status: 'silent', critical: true }),
    ];
    expect(sortSystems(list).map((s) => s.id)).toEqual([
      'e-silent-critical',
      'd-silent',
      'c-late',
      'b-missing',
      'a-ok',
    ]);
  });

  it('orders provinces by status, then by the share of silent counters', () => {
    const p = (code: string, status: ProvinceCounters['status'], silent: number, expected = 100): ProvinceCounters => ({
      code,
      name: code,
      expected,
      statuses: { ok: expected - silent, late: 0, silent },
      last_received_at: null,
      status,
    });
    expect(
      sortProvinces([p('01', 'ok', 0), p('79', 'silent', 10), p('31', 'silent', 50), p('48', 'late', 0)]).map(
        (x) => x.code,
      ),
    ).toEqual(['31', '79', '48', '01']);
  });
});
