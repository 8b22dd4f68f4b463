/*
 * Colours for the five states on a dark wall. Green is a bluish green and red
 * a true red, so they differ in hue for red–green colour-blind viewers too;
 * both carry white text at ≥ 5.3:1 (WCAG AA) and stand ≥ 3:1 off the wall
 * background. Mirrored as CSS variables in app.css. Colour is never the only cue: every state also has
 * an icon (STATUS_LABELS) and `noreport`/`stale` get a hatch pattern.
 */
import type { Tile, UnitStatus } from '@kh02/schemas';

export const STATUS_COLORS: Record<UnitStatus, string> = {
  green: '#007A5A',
  yellow: '#F0E442',
  red: '#C62828',
  noreport: '#8C939D',
  stale: '#0072B2',
};

/** Text colour that stays readable on each fill (yellow and grey need dark text). */
export const STATUS_INK: Record<UnitStatus, string> = {
  green: '#FFFFFF',
  yellow: '#1A1A1A',
  red: '#FFFFFF',
  noreport: '#111418',
  stale: '#FFFFFF',
};

export const PATTERNED: ReadonlySet<UnitStatus> = new Set(['noreport', 'stale']);

/** What a tile looks like right now: its status, and the colour it had before it went stale. */
export interface DisplayState {
  status: UnitStatus;
  /** Shown as a muted border so operators still see what the unit looked like. */
  lastKnown: UnitStatus | null;
}

/**
 * While the wall's own link is lost, nothing it shows is current, so every
 * tile is drawn as stale with its last colour kept as a hint. The server does
 * the same when its pipeline is late (`status: 'stale'`, `last_known_status`).
 */
export function displayState(
  tile: Pick<Tile, 'status' | 'last_known_status'> | undefined,
  linkLost: boolean,
): DisplayState {
  if (!tile) return { status: 'noreport', lastKnown: null };
  if (tile.status === 'stale') return { status: 'stale', lastKnown: tile.last_known_status };
  if (linkLost) return { status: 'stale', lastKnown: tile.status };
  return { status: tile.status, lastKnown: null };
}
