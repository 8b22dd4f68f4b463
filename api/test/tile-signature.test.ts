import type { Reason, Tile } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { fullSignature, urgentSignature } from '../src/status/tile-builders.js';
import { provinceTileFixture } from './support/tile-fixtures.js';

// A rolled-up system reason carries its number only in the text (value null): the F3 fault case.
const reason = (uptime: string): Reason => ({
  indicator: 'system_status',
  status: 'yellow',
  value: null,
  threshold: null,
  comparator: null,
  unit: null,
  since: null,
  source: { code: 'p19.qlvb', name: 'Hệ thống quản lý văn bản' },
  message: { vi: `Uptime ${uptime} %, dưới ngưỡng 98,0 %.`, en: `Uptime ${uptime} %, below 98.0 %.` },
});

const tile = (uptime: string, dataAsOf: string, minUptime = 96.8): Tile =>
  provinceTileFixture(
    {
      code: '19',
      name: 'Thái Nguyên',
      name_en: 'Thai Nguyen',
      status: 'yellow',
      reasons: [reason(uptime)],
      data_as_of: dataAsOf,
    },
    { systems_total: 3, min_uptime_pct: minUptime },
  );

describe('tile change signatures', () => {
  const base = tile('96,8', '2026-11-23T11:08:57.580Z');

  it('treat a changed reason text as a change, so walls that stay connected receive it', () => {
    const textOnly = tile('97,0', base.data_as_of ?? '');
    expect(fullSignature(textOnly)).not.toBe(fullSignature(base));
    // …but not as an urgent one: the colour and the explaining indicators are the same.
    expect(urgentSignature(textOnly)).toBe(urgentSignature(base));
  });

  it('treat a newer data_as_of as a change', () => {
    expect(fullSignature(tile('96,8', '2026-11-23T11:08:58.229Z'))).not.toBe(fullSignature(base));
  });

  it('ignore float noise below the displayed precision', () => {
    expect(fullSignature(tile('96,8', base.data_as_of ?? '', 96.8000001))).toBe(fullSignature(base));
    expect(fullSignature(tile('96,8', base.data_as_of ?? '', 96.9))).not.toBe(fullSignature(base));
  });
});
