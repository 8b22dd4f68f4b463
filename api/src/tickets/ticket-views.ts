import {
  bilingual,
  type Reason,
  type Ticket,
  type TicketKpi,
  type TicketPriority,
  type TicketSummary,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { SlaPolicy, WorkingCalendar } from '../calendar/index.js';
import { runningClocks, ticketClocks, type StoredTicket } from './clocks.js';

const PRIORITY_ORDER: TicketPriority[] = ['P1', 'P2', 'P3', 'P4'];

export function toView(
  t: StoredTicket,
  cal: WorkingCalendar,
  policy: SlaPolicy,
  now: number,
  registry: Pick<Registry, 'system'>,
): Ticket {
  const { clocks, escalated } = ticketClocks(t, cal, policy, now);
  const system = t.system_id ? registry.system(t.system_id) : undefined;
  return { ...t, system_name: system?.name ?? null, system_name_en: system?.nameEn ?? null, clocks, escalated };
}

export function isActive(t: StoredTicket): boolean {
  return t.status !== 'closed' && t.status !== 'cancelled';
}

/** The top-level wall unit a ticket counts against (a commune's ticket shows on its province). */
export function wallUnitOf(t: Pick<StoredTicket, 'unit_code'>, registry: Registry): string {
  return registry.kindOf(t.unit_code) === 'commune' ? (registry.provinceOf(t.unit_code) ?? t.unit_code) : t.unit_code;
}

/**
 * "A unit turned red/yellow by a ticket goes back to green only when its
 * verified ticket is closed" (seed 000 L651-654): each active ticket holds
 * its unit at the ticket's colour.
 */
export function ticketReasons(tickets: StoredTicket[]): Reason[] {
  return tickets.map((t) => ({
    indicator: 'open_ticket' as const,
    status: t.colour,
    value: null,
    threshold: null,
    comparator: null,
    unit: null,
    since: t.created_at,
    source: { code: t.id, name: t.title, kind: 'ticket' as const },
    message: bilingual(
      `Phiếu giao việc ${t.id} (${t.priority}) chưa đóng: ${t.title}`,
      `Work ticket ${t.id} (${t.priority}) not yet closed: ${t.title}`,
    ),
  }));
}

export function ticketSummary(tickets: Ticket[]): TicketSummary | null {
  if (tickets.length === 0) return null;
  const running = tickets.flatMap((t) => runningClocks(t.clocks).map((c) => ({ c, t })));
  const next = running
    .filter((r) => r.c.kind !== 'escalate')
    .sort((a, b) => a.c.deadline.localeCompare(b.c.deadline))[0];
  const nextKind = next?.c.kind === 'escalate' ? null : (next?.c.kind ?? null);
  return {
    open: tickets.length,
    breached: tickets.filter((t) => t.escalated || t.clocks.some((c) => c.state === 'breached' || c.state === 'missed'))
      .length,
    near_breach: tickets.filter((t) => t.clocks.some((c) => c.state === 'near_breach')).length,
    next_deadline: next?.c.deadline ?? null,
    next_deadline_kind: nextKind,
    worst_priority: PRIORITY_ORDER.find((p) => tickets.some((t) => t.priority === p)) ?? null,
    lead: leadTicket(tickets),
  };
}

/** The ticket the wall shows on the tile: worst priority, then the oldest. */
function leadTicket(tickets: Ticket[]): TicketSummary['lead'] {
  const lead = [...tickets].sort(
    (a, b) =>
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) ||
      a.created_at.localeCompare(b.created_at),
  )[0];
  if (!lead) return null;
  return {
    id: lead.id,
    priority: lead.priority,
    status: lead.status,
    assignee: lead.assignee,
    acknowledged_at: lead.acknowledged_at,
  };
}

/** A wall unit's time in red: from when it turned red to when it left red (null: still red). */
export interface RedEpisode {
  code: string;
  fromMs: number;
  toMs: number | null;
}

const DAY = 24 * 3_600_000;

/**
 * KPI "≥ 95 % of red issues routed within 24 h" (seed 000 L761-762): red
 * tickets detected in the window, routed (assigned) within 24 h of
 * detection (one still unassigned inside its first 24 h is not yet judged),
 * plus every unit that stayed red for 24 h with no ticket opened during its
 * first 24 h in red: nobody routed it, so it counts as not routed.
 */
export function redRoutedKpi(
  tickets: StoredTicket[],
  now: number,
  windowDays = 30,
  episodes: RedEpisode[] = [],
  unitOf: (t: StoredTicket) => string = (t) => t.unit_code,
): TicketKpi {
  const from = now - windowDays * 86_400_000;
  let red = 0;
  let routed = 0;
  for (const t of tickets) {
    if (t.colour !== 'red' || Date.parse(t.detected_at) < from || t.status === 'cancelled') continue;
    const detected = Date.parse(t.detected_at);
    const assigned = t.assigned_at ? Date.parse(t.assigned_at) : null;
    if (assigned === null && now - detected < DAY) continue;
    red++;
    if (assigned !== null && assigned - detected <= DAY) routed++;
  }
  let untracked = 0;
  for (const e of episodes) {
    if (e.fromMs < from || (e.toMs ?? now) - e.fromMs < DAY) continue;
    const tracked = tickets.some((t) => {
      if (unitOf(t) !== e.code || t.status === 'cancelled') return false;
      const opened = Date.parse(t.created_at);
      const ended = Date.parse(t.closed_at ?? t.cancelled_at ?? new Date(now).toISOString());
      return opened <= e.fromMs + DAY && ended >= e.fromMs;
    });
    if (!tracked) untracked++;
  }
  red += untracked;
  const ratio = red > 0 ? routed / red : null;
  return {
    window_days: windowDays,
    red_issues: red,
    red_without_ticket: untracked,
    routed_within_24h: routed,
    ratio,
    target: 0.95,
    meets_target: ratio === null ? null : ratio >= 0.95,
  };
}
