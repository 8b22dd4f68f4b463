/* Small, valid contract objects for unit tests (not used by the app). */
import type { ChildTile, Headline, Ranking, Reason, StatusChange, Tile, WallDiff, WallSnapshot } from '@kh02/schemas';

export const HEALTHY_STORAGE = { stalled: false, waiting: 0, stalled_for_ms: 0 };

export const emptyHeadline = (): Headline => ({
  received_today: 120,
  online_rate: 0.85,
  on_time_rate: 0.995,
  volume_change_pct: 4,
  communes_total: 10,
  communes_red: 0,
  communes_noreport: 0,
  systems_total: 3,
  systems_red: 0,
  systems_noreport: 0,
  min_uptime_pct: 99.9,
});

export function reason(over: Partial<Reason> = {}): Reason {
  return {
    indicator: 'online_rate',
    status: 'red',
    value: 0.795,
    threshold: 0.8,
    comparator: '<',
    unit: 'ratio',
    since: '2026-11-23T02:05:00Z',
    message: { vi: 'Tỷ lệ trực tuyến thấp', en: 'Online rate is low' },
    ...over,
  };
}

export function tile(code: string, over: Partial<Tile> = {}): Tile {
  const agency = /^[A-Z]/.test(code);
  return {
    code,
    kind: agency ? 'agency' : 'province',
    name: agency ? `Cơ quan ${code}` : `Tỉnh ${code}`,
    name_en: agency ? `Agency ${code}` : `Province ${code}`,
    block: agency ? 'government' : null,
    status: 'green',
    last_known_status: null,
    status_since: null,
    reasons: [],
    headline: emptyHeadline(),
    tickets: null,
    data_as_of: '2026-11-23T09:58:03Z',
    ...over,
  };
}

const counts = () => ({
  provinces: { green: 2, yellow: 0, red: 0, noreport: 0, stale: 0 },
  agencies: { green: 1, yellow: 0, red: 0, noreport: 0, stale: 0 },
});

export function snapshot(seq: number, tiles: Tile[] = [tile('01'), tile('79'), tile('BCA')]): WallSnapshot {
  return {
    seq,
    generated_at: '2026-11-23T09:58:04Z',
    data_as_of: '2026-11-23T09:58:03Z',
    counts: counts(),
    tiles,
    pipeline: { lag_ms: 120, stale: false, data_fresh: true, storage: HEALTHY_STORAGE },
    recent_changes: [],
  };
}

export function diff(
  seq: number,
  tiles: Tile[],
  dataAsOf = '2026-11-23T09:59:00Z',
  recentChanges: StatusChange[] = [],
): WallDiff {
  return {
    seq,
    generated_at: dataAsOf,
    data_as_of: dataAsOf,
    counts: counts(),
    tiles,
    pipeline: { lag_ms: 80, stale: false, data_fresh: true, storage: HEALTHY_STORAGE },
    recent_changes: recentChanges,
  };
}

export function child(code: string, over: Partial<ChildTile> = {}): ChildTile {
  return {
    code,
    kind: 'commune',
    name: `Xã ${code}`,
    name_en: `Commune ${code}`,
    status: 'green',
    reasons: [],
    metrics: {},
    vendor: null,
    data_as_of: null,
    ...over,
  };
}

export function rankingFixture(): Ranking {
  return {
    indicator: 'online_rate',
    generated_at: '2026-11-23T09:58:03Z',
    target: { value: 0.8, comparator: '>', red_below: 0.6 },
    rows: [
      { rank: 1, code: '01', name: 'Hà Nội', name_en: 'Hanoi', value: 0.93, status: 'red', band: 'green' },
      {
        rank: 2,
        code: '79',
        name: 'TP. Hồ Chí Minh',
        name_en: 'Ho Chi Minh City',
        value: 0.78,
        status: 'green',
        band: 'yellow',
      },
      { rank: 3, code: '14', name: 'Sơn La', name_en: 'Son La', value: 0.59, status: 'yellow', band: 'red' },
    ],
  };
}
