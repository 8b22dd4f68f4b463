import { z } from 'zod';
import { StatusChangeSchema } from './api.js';
import { ReasonSchema, UnitStatusSchema, type Reason, type UnitStatus } from './status.js';

/** The longest window one replay request may cover (a working day with margin). */
export const REPLAY_MAX_SPAN_MS = 24 * 3_600_000;

/** A wall unit's colour at an instant of a replay, with the reasons recorded when it took it. */
export const ReplayUnitSchema = z.object({
  code: z.string(),
  status: UnitStatusSchema,
  /** When it took this colour (the stored change, or its first sighting). */
  since: z.string(),
  reasons: z.array(ReasonSchema),
});
export type ReplayUnit = z.infer<typeof ReplayUnitSchema>;

/**
 * GET /api/v1/replay?from=&to= — the wall (provinces and central agencies) as
 * it was at `from`, then every colour change until `to`, oldest first, all
 * from the stored status changes. Units with nothing stored before `from`
 * are absent from `units` (the wall did not know them yet).
 */
export const ReplaySchema = z.object({
  from: z.string(),
  to: z.string(),
  units: z.array(ReplayUnitSchema),
  changes: z.array(StatusChangeSchema),
});
export type Replay = z.infer<typeof ReplaySchema>;

export interface ReplayState {
  status: UnitStatus;
  since: string;
  reasons: Reason[];
}

/** Every unit's colour at `atMs` (from ≤ at ≤ to): the snapshot at `from` with the changes up to `at` applied. */
export function replayStateAt(replay: Replay, atMs: number): Map<string, ReplayState> {
  const state = new Map<string, ReplayState>(
    replay.units.map((u) => [u.code, { status: u.status, since: u.since, reasons: u.reasons }]),
  );
  for (const c of replay.changes) {
    if (Date.parse(c.at) > atMs) break;
    state.set(c.code, { status: c.to, since: c.at, reasons: c.reasons });
  }
  return state;
}

/** The changes of a replay that happened up to `atMs`, newest first (the wall's "Mới chuyển trạng thái" then). */
export function replayChangesUntil(replay: Replay, atMs: number, limit: number): Replay['changes'] {
  const out: Replay['changes'] = [];
  for (let i = replay.changes.length - 1; i >= 0 && out.length < limit; i--) {
    const c = replay.changes[i];
    if (c && Date.parse(c.at) <= atMs) out.push(c);
  }
  return out;
}
