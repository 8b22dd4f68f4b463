import type { Reason, Tile } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { fullSignature, urgentSignature } from '../src/status/tile-builders.js';

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

const tile = (uptime: string, dataAsOf: string, minUptime = 96.8): Tile => ({
  code: '19',
  kind: 'province',
  name: 'Thái Nguyên',
  name_en: 'Thai Nguyen',
  block: null,
  status: 'yellow',
  last_known_status: null,
  status_since: null,
  reasons: [reason(uptime)],
  headline: {
    received_today: null,
    online_rate: null,
    on_time_rate: null,
    volume_change_pct: null,
    communes_total: null,
    communes_red: null,
    communes_noreport: null,
    systems_total: 3,
    systems_red: 0,
    systems_noreport: 0,
    min_uptime_pct: minUptime,
  },
  tickets: null,
  data_as_of: dataAsOf,
});

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
