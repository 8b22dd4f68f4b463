import { describe, expect, it } from 'vitest';
import { NBSP } from '@kh02/schemas';
import { reason, tile } from '../../support/fixtures';
import { hotspots, reasonText, topReasons } from '../../../src/lib/status/reasons';

describe('reason text', () => {
  it('formats value and threshold with comparator in Vietnamese', () => {
    expect(reasonText(reason(), 'vi')).toEqual({
      indicator: 'Tỷ lệ hồ sơ trực tuyến',
      value: `79,5${NBSP}%`,
      threshold: `<${NBSP}80${NBSP}%`,
    });
    expect(
      reasonText(reason({ indicator: 'cpu', unit: 'pct', value: 99, threshold: 90, comparator: '>=' }), 'en'),
    ).toEqual({
      indicator: 'CPU load',
      value: `99${NBSP}%`,
      threshold: `≥${NBSP}90${NBSP}%`,
    });
    expect(
      reasonText(reason({ indicator: 'no_data', value: null, threshold: null, comparator: null, unit: null }), 'vi')
        .threshold,
    ).toBe('');
  });

  it('puts red reasons first, oldest first', () => {
    const list = [
      reason({ status: 'yellow', since: '2026-11-23T01:00:00Z' }),
      reason({ status: 'red', since: '2026-11-23T03:00:00Z', indicator: 'cpu' }),
      reason({ status: 'red', since: '2026-11-23T02:00:00Z', indicator: 'ram' }),
    ];
    expect(topReasons(list, 2).map((r) => r.indicator)).toEqual(['ram', 'cpu']);
  });
});

describe('briefing hotspots', () => {
  it('lists red then yellow units and leaves out green, grey and blue ones', () => {
    const list = hotspots([
      tile('01', { status: 'yellow' }),
      tile('14', { status: 'red', status_since: '2026-11-23T05:00:00Z' }),
      tile('79', { status: 'green' }),
      tile('BCA', { status: 'red', status_since: '2026-11-23T01:00:00Z' }),
      tile('12', { status: 'noreport' }),
    ]);
    expect(list.map((t) => t.code)).toEqual(['BCA', '14', '01']);
  });
});
