import { describe, expect, it } from 'vitest';
import { isMonitored, monitoringCoverage, type Tile } from '../../src/index.js';

type H = Partial<Tile['headline']>;
const tile = (code: string, kind: Tile['kind'], h: H) => ({
  code,
  kind,
  headline: {
    received_today: null,
    online_rate: null,
    on_time_rate: null,
    volume_change_pct: null,
    communes_total: null,
    communes_red: null,
    communes_noreport: null,
    systems_total: 0,
    systems_red: 0,
    systems_noreport: 0,
    min_uptime_pct: null,
    ...h,
  },
});

describe('% đơn vị được giám sát (monitoring coverage)', () => {
  it('counts a unit watched when one of its systems reports, even if it is red', () => {
    expect(isMonitored(tile('BCA', 'agency', { systems_total: 3, systems_noreport: 2, systems_red: 1 }))).toBe(true);
  });

  it('counts a province watched through its commune counters when every system is silent', () => {
    const p = tile('01', 'province', {
      systems_total: 4,
      systems_noreport: 4,
      communes_total: 126,
      communes_noreport: 125,
    });
    expect(isMonitored(p)).toBe(true);
  });

  it('does not count a unit whose every source is silent, nor one with no source registered', () => {
    expect(
      isMonitored(
        tile('79', 'province', { systems_total: 2, systems_noreport: 2, communes_total: 168, communes_noreport: 168 }),
      ),
    ).toBe(false);
    expect(isMonitored(tile('BTGDVTW', 'agency', { systems_total: 0 }))).toBe(false);
    // An agency has no communes; stray commune figures never vouch for it.
    expect(
      isMonitored(
        tile('BNV', 'agency', { systems_total: 1, systems_noreport: 1, communes_total: 5, communes_noreport: 0 }),
      ),
    ).toBe(false);
  });

  it('divides watched units by every unit and lists the others, provinces first', () => {
    const c = monitoringCoverage([
      tile('BCA', 'agency', { systems_total: 0 }),
      tile('79', 'province', { systems_total: 2, systems_noreport: 2 }),
      tile('01', 'province', { systems_total: 2, systems_noreport: 1 }),
      tile('BNV', 'agency', { systems_total: 1 }),
    ]);
    expect(c).toEqual({ monitored: 2, total: 4, ratio: 0.5, target: 1, unmonitored: ['79', 'BCA'] });
  });

  it('has no ratio before any unit is known', () => {
    expect(monitoringCoverage([]).ratio).toBeNull();
  });
});
