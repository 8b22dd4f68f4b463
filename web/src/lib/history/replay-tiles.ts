/* The replayed wall as tiles the live components draw, and the replay page's window from its URL. */
import {
  addDays,
  REPLAY_MAX_SPAN_MS,
  vnLocalDate,
  vnMidnight,
  type Headline,
  type ReplayState,
  type Tile,
} from '@kh02/schemas';
import { AGENCIES, PROVINCES } from '@kh02/schemas/registry';

const NO_HEADLINE: Headline = {
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
};

/**
 * Colour, reasons and "since" are what the store keeps; headline figures
 * and tickets of that moment are not stored, so a replayed tile shows none.
 */
export function replayTiles(state: ReadonlyMap<string, ReplayState>): Map<string, Tile> {
  const tiles = new Map<string, Tile>();
  const units = [
    ...PROVINCES.map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, kind: 'province' as const, block: null })),
    ...AGENCIES.map((a) => ({ code: a.code, name: a.name, nameEn: a.nameEn, kind: 'agency' as const, block: a.block })),
  ];
  for (const u of units) {
    const s = state.get(u.code);
    if (!s) continue;
    tiles.set(u.code, {
      code: u.code,
      kind: u.kind,
      name: u.name,
      name_en: u.nameEn,
      block: u.block,
      status: s.status,
      last_known_status: null,
      status_since: s.since,
      reasons: s.reasons,
      headline: NO_HEADLINE,
      tickets: null,
      data_as_of: null,
    });
  }
  return tiles;
}

export interface ReplayWindow {
  fromMs: number;
  toMs: number;
}

/** Yesterday 16:45–17:30 Hà Nội time: the 17h00 end-of-day burst, the moment a replay is usually wanted for. */
export function defaultReplayWindow(nowMs: number): ReplayWindow {
  const yesterday = vnMidnight(addDays(vnLocalDate(nowMs), -1));
  return { fromMs: yesterday + (16 * 60 + 45) * 60_000, toMs: yesterday + (17 * 60 + 30) * 60_000 };
}

/** `?from=&to=` (ISO instants) when valid, else the default window; `at` (optional) is where to start. */
export function replayWindowOf(params: URLSearchParams, nowMs: number): ReplayWindow & { atMs: number } {
  const from = Date.parse(params.get('from') ?? '');
  const to = Date.parse(params.get('to') ?? '');
  const ok = Number.isFinite(from) && Number.isFinite(to) && to > from && to - from <= REPLAY_MAX_SPAN_MS;
  const w = ok ? { fromMs: from, toMs: to } : defaultReplayWindow(nowMs);
  const at = Date.parse(params.get('at') ?? '');
  return { ...w, atMs: Number.isFinite(at) && at >= w.fromMs && at <= w.toMs ? at : w.fromMs };
}
