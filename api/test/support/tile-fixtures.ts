import type { Tile } from '@kh02/schemas';

/** A province tile (Hà Nội unless overridden) with an empty headline, for tests of what is sent when. */
export function provinceTileFixture(overrides: Partial<Tile> = {}, headline: Partial<Tile['headline']> = {}): Tile {
  return {
    code: '01',
    kind: 'province',
    name: 'Hà Nội',
    name_en: 'Ha Noi',
    block: null,
    status: 'green',
    last_known_status: null,
    status_since: null,
    reasons: [],
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
      ...headline,
    },
    tickets: null,
    data_as_of: null,
    ...overrides,
  };
}
