/*
 * Client-side mirror of api/src/tickets/lifecycle.ts and permissions.ts, for
 * display only: which buttons to offer. The server stays the authority; its
 * 403 / 409 answers are shown verbatim when the two ever disagree. Scope
 * (may this person see the ticket at all) is not mirrored: the server only
 * returns tickets in scope.
 */
import type { Party, Principal, Role, Ticket, TicketStatus } from '@kh02/schemas';

export type TicketAction =
  'assign' | 'acknowledge' | 'start' | 'report_done' | 'close' | 'reopen' | 'cancel' | 'comment' | 'attach';

const OPEN: readonly TicketStatus[] = ['created', 'assigned', 'acknowledged', 'in_progress'];
const LIVE: readonly TicketStatus[] = [...OPEN, 'done'];

/** The statuses each action may start from (lifecycle.ts TRANSITIONS). */
export const LEGAL_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  assign: OPEN,
  acknowledge: ['assigned'],
  start: ['acknowledged'],
  report_done: ['in_progress'],
  close: ['done'],
  reopen: ['done'],
  cancel: OPEN,
  comment: LIVE,
  attach: LIVE,
};

/** Order of the buttons: the next step of the lifecycle first, destructive ones last. */
export const ACTION_ORDER: readonly TicketAction[] = [
  'assign',
  'acknowledge',
  'start',
  'report_done',
  'close',
  'reopen',
  'cancel',
];

const CREATING: readonly Role[] = ['cc_lead', 'cc_coordination', 'cc_monitoring'];
const ROUTING: readonly Role[] = ['cc_lead', 'cc_coordination'];
const CLOSING: readonly Role[] = ['cc_lead', 'cc_coordination', 'cc_monitoring'];

export function isLegal(status: TicketStatus, action: TicketAction): boolean {
  return LEGAL_FROM[action].includes(status);
}

/** Is this person (one of) the party the ticket is routed to? */
export function represents(p: Principal, party: Party | null): boolean {
  if (!party) return false;
  if (party.kind === 'vendor') return p.role === 'vendor_focal' && p.vendorCode === party.code;
  if (party.kind === 'unit') return p.role === 'unit_focal' && p.unitCode === party.code;
  return p.role === 'working_group' && p.group === party.code;
}

/**
 * May this person open a ticket for the unit? The wall opens tickets for its
 * top-level units (a province or an agency), so a focal point's own unit is an
 * exact match here; the server also accepts the communes of its province.
 */
export function canCreate(p: Principal | null, unitCode: string): boolean {
  if (!p) return false;
  if (CREATING.includes(p.role)) return true;
  return p.role === 'unit_focal' && !!p.unitCode && p.unitCode === unitCode;
}

/** The role half of permissions.ts `denial()`: true when the server would not refuse on role grounds. */
export function roleAllows(p: Principal, action: TicketAction, t: Pick<Ticket, 'assignee'>): boolean {
  if (p.role === 'display') return false;
  switch (action) {
    case 'assign':
    case 'cancel':
      return ROUTING.includes(p.role);
    case 'close':
    case 'reopen':
      return CLOSING.includes(p.role);
    case 'acknowledge':
      // A working group acknowledges through its lead (seed 000 L1075-1077).
      return represents(p, t.assignee) && !(p.role === 'working_group' && !p.lead);
    case 'start':
    case 'report_done':
      return represents(p, t.assignee);
    case 'comment':
    case 'attach':
      return true;
  }
}

export function mayDo(p: Principal | null, action: TicketAction, t: Pick<Ticket, 'status' | 'assignee'>): boolean {
  return !!p && isLegal(t.status, action) && roleAllows(p, action, t);
}

/** The lifecycle buttons to show now (comment and attach have their own controls). */
export function availableActions(p: Principal | null, t: Pick<Ticket, 'status' | 'assignee'>): TicketAction[] {
  return ACTION_ORDER.filter((a) => mayDo(p, a, t));
}
