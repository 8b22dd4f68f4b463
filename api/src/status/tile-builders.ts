import type { ChildTile, MaintenanceMarker, Reason, Tile, TicketSummary, UnitStatus } from '@kh02/schemas';
import type { Agency, Commune, Province, System } from '@kh02/schemas/registry';
import type { CommuneResult } from './evaluate/commune.js';
import { iso } from './evaluate/evaluation.js';
import type { RollupResult } from './evaluate/rollup.js';
import type { SystemResult } from './evaluate/system.js';

/** When the current colour started: the earliest "since" among the reasons that carry it. */
export function statusSince(status: UnitStatus, reasons: Reason[]): string | null {
  const times = reasons.filter((r) => r.status === status && r.since).map((r) => r.since as string);
  return times.length ? (times.sort()[0] ?? null) : null;
}

/** A top-level wall tile: a province (block null) or a central agency. */
function topTile(
  kind: Tile['kind'],
  unit: Province | Agency,
  block: string | null,
  r: RollupResult,
  tickets: TicketSummary | null,
  maintenance: MaintenanceMarker | undefined,
): Tile {
  return {
    code: unit.code,
    kind,
    name: unit.name,
    name_en: unit.nameEn,
    block,
    status: r.status,
    last_known_status: null,
    status_since: statusSince(r.status, r.reasons),
    reasons: r.reasons,
    headline: r.headline,
    tickets,
    data_as_of: iso(r.dataAsOfMs),
    ...(maintenance ? { maintenance } : {}),
  };
}

export const provinceTile = (
  p: Province,
  r: RollupResult,
  tickets: TicketSummary | null,
  maintenance?: MaintenanceMarker,
): Tile => topTile('province', p, null, r, tickets, maintenance);

export const agencyTile = (
  a: Agency,
  r: RollupResult,
  tickets: TicketSummary | null,
  maintenance?: MaintenanceMarker,
): Tile => topTile('agency', a, a.block, r, tickets, maintenance);

export function communeTile(c: Commune, r: CommuneResult): ChildTile {
  const v = r.values;
  return {
    code: c.code,
    kind: 'commune',
    name: c.name,
    name_en: c.nameEn,
    status: r.status,
    reasons: r.reasons,
    metrics: {
      received: v?.received ?? null,
      online_rate: v && v.received > 0 ? v.received_online / v.received : null,
      on_time_rate: v && v.processed > 0 ? v.on_time / v.processed : null,
      processed: v?.processed ?? null,
    },
    vendor: null,
    data_as_of: iso(r.dataAsOfMs),
  };
}

export function systemTile(s: System, r: SystemResult): ChildTile {
  return {
    code: s.id,
    kind: 'system',
    name: s.name,
    name_en: s.nameEn,
    status: r.status,
    reasons: r.reasons,
    metrics: { ...r.metrics },
    vendor: s.vendorCode,
    data_as_of: iso(r.dataAsOfMs),
    ...(r.maintenanceUntil ? { maintenance_until: r.maintenanceUntil } : {}),
  };
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/** What must change for operators to be told at once: the colour or which indicators explain it. */
export function urgentSignature(t: { status: UnitStatus; reasons: Reason[] }): string {
  return `${t.status}|${t.reasons.map((r) => `${r.indicator}:${r.rule ?? ''}:${r.status}:${r.source?.code ?? ''}`).join(',')}`;
}

/**
 * Everything shown, with numbers rounded so float noise is not a change. Messages and data_as_of
 * are included because the wall prints them: a wall that missed a diff must still converge on them.
 */
export function fullSignature(t: Tile | ChildTile): string {
  return JSON.stringify({
    u: urgentSignature(t),
    r: t.reasons.map((r) => [round(r.value), round(r.threshold), r.since, r.message.vi, r.message.en]),
    a: t.data_as_of,
    h: 'headline' in t ? Object.values(t.headline).map((v) => (typeof v === 'number' ? round(v) : v)) : null,
    m: 'metrics' in t ? Object.values(t.metrics).map(round) : null,
    k: 'tickets' in t ? t.tickets : null,
    w: 'maintenance' in t ? t.maintenance : 'maintenance_until' in t ? t.maintenance_until : null,
  });
}
