import { describe, expect, it } from 'vitest';
import { bandOf, rankProvinces } from '../src/queries/rankings.js';
import { DEFAULT_THRESHOLDS, parseStatusConfig, thresholdsFor } from '../src/status/config.js';
import { provinceTileFixture } from './support/tile-fixtures.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');

describe('rankings', () => {
  const tiles = [
    provinceTileFixture({ code: '01', status: 'red' }, { online_rate: 0.86 }),
    provinceTileFixture({ code: '79', status: 'green' }, { online_rate: 0.84 }),
    provinceTileFixture({ code: '31', status: 'green' }, { online_rate: 0.8 }),
    provinceTileFixture({ code: '14', status: 'green' }, { online_rate: 0.55 }),
    provinceTileFixture({ code: '48', status: 'noreport' }, { online_rate: null }),
  ];

  it("bands each province by the ranked rate against its target, whatever the province's overall colour", () => {
    const r = rankProvinces(tiles, 'online_rate', NOW, () => DEFAULT_THRESHOLDS, DEFAULT_THRESHOLDS);
    expect(r.rows.map((x) => [x.code, x.status, x.band])).toEqual([
      ['01', 'red', 'green'],
      ['79', 'green', 'green'],
      // "> 80 %": exactly 80 % misses the target.
      ['31', 'green', 'yellow'],
      ['14', 'green', 'red'],
      ['48', 'noreport', 'none'],
    ]);
    expect(r.target).toEqual({ value: 0.8, comparator: '>', red_below: 0.6 });
  });

  it("uses a province's own threshold override for its band", () => {
    const config = parseStatusConfig({ overrides: { '79': { onlineRate: { target: 0.9 } } } });
    const r = rankProvinces(tiles, 'online_rate', NOW, (c) => thresholdsFor(config, c), config.defaults);
    expect(r.rows.find((x) => x.code === '79')?.band).toBe('yellow');
    expect(r.rows.find((x) => x.code === '01')?.band).toBe('green');
  });

  it('has no target and no band for counts, and bands the change in dossiers like the engine', () => {
    const received = rankProvinces(
      [provinceTileFixture({}, { received_today: 1200 })],
      'received_today',
      NOW,
      () => DEFAULT_THRESHOLDS,
      DEFAULT_THRESHOLDS,
    );
    expect(received.target).toBeNull();
    expect(received.rows[0]?.band).toBe('none');
    const rule = { comparator: '>' as const, target: -50, redBelow: -80 };
    expect([-10, -50, -79.9, -80, -95].map((v) => bandOf(v, rule, 'volume_change_pct'))).toEqual([
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
  });
});
