import type { Ticket, VendorTicketStats } from '@kh02/schemas';

/** One spell of a ticket in a vendor's hands, read from the ticket's steps (its events). */
export interface VendorSpell {
  ticketId: string;
  assignedMs: number;
  acknowledgedMs: number | null;
  doneMs: number | null;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * The vendor's spells on one ticket: each `assigned` step to the vendor opens
 * one, which ends at the next assignment to anyone; within it, the first
 * `acknowledged` and the first `done_reported` steps are the vendor's answers.
 * A reassignment to the same vendor (a reopen routed back) is a new spell.
 */
export function vendorSpells(t: Pick<Ticket, 'id' | 'history'>, vendor: string): VendorSpell[] {
  const spells: VendorSpell[] = [];
  let open: VendorSpell | null = null;
  for (const step of t.history) {
    if (step.type === 'assigned') {
      open = null;
      if (step.assignee?.kind === 'vendor' && step.assignee.code === vendor) {
        open = { ticketId: t.id, assignedMs: ms(step.at), acknowledgedMs: null, doneMs: null };
        spells.push(open);
      }
      continue;
    }
    if (!open) continue;
    if (step.type === 'acknowledged' && open.acknowledgedMs === null) open.acknowledgedMs = ms(step.at);
    if (step.type === 'done_reported' && open.doneMs === null) open.doneMs = ms(step.at);
  }
  return spells;
}

function breached(t: Pick<Ticket, 'clocks' | 'escalated'>): boolean {
  return t.escalated || t.clocks.some((c) => c.state === 'breached' || c.state === 'missed');
}

/** On the vendor's plate: routed to it and not yet reported done (a done ticket waits on the Center's check). */
const ON_VENDOR: ReadonlySet<Ticket['status']> = new Set(['assigned', 'acknowledged', 'in_progress']);
const holds = (t: Pick<Ticket, 'status' | 'assignee'>, vendor: string) =>
  ON_VENDOR.has(t.status) && t.assignee?.kind === 'vendor' && t.assignee.code === vendor;

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * A vendor's tickets since `fromMs`: those it was assigned in the window, and
 * any it still holds. MTTA and MTTR are the means over its spells of
 * assignment → acknowledgement and assignment → done: the vendor's own time,
 * not the Center's triage before it was routed. A cancelled ticket counts
 * for neither mean (nobody had to fix it) but still counts if it breached.
 */
export function vendorTicketStats(tickets: readonly Ticket[], vendor: string, fromMs: number): VendorTicketStats {
  const mine: Ticket[] = [];
  const spells: VendorSpell[] = [];
  for (const t of tickets) {
    const own = vendorSpells(t, vendor);
    const inWindow = own.filter((s) => s.assignedMs >= fromMs);
    if (inWindow.length === 0 && !holds(t, vendor)) continue;
    mine.push(t);
    if (t.status !== 'cancelled') spells.push(...(inWindow.length > 0 ? inWindow : own.slice(-1)));
  }
  const acked = spells.filter((s) => s.acknowledgedMs !== null);
  const done = spells.filter((s) => s.doneMs !== null);
  return {
    total: mine.length,
    open: mine.filter((t) => holds(t, vendor)).length,
    breached: mine.filter(breached).length,
    acknowledged: new Set(acked.map((s) => s.ticketId)).size,
    resolved: new Set(done.map((s) => s.ticketId)).size,
    mtta_ms: mean(acked.map((s) => (s.acknowledgedMs ?? 0) - s.assignedMs)),
    mttr_ms: mean(done.map((s) => (s.doneMs ?? 0) - s.assignedMs)),
  };
}
