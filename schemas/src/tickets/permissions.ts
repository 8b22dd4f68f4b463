import { isCommandCenter, type Principal } from '../auth/principal.js';
import { bilingual, type BilingualText } from '../i18n.js';
import type { Registry } from '../registry/registry.js';
import { nextStatus, type TicketAction } from './lifecycle.js';
import type { Party, Ticket } from './model.js';

/** Is this person (one of) the party the ticket is routed to or working with? */
export function represents(p: Principal, party: Party | null): boolean {
  if (!party) return false;
  if (party.kind === 'vendor') return p.role === 'vendor_focal' && p.vendorCode === party.code;
  if (party.kind === 'unit') return p.role === 'unit_focal' && p.unitCode === party.code;
  return p.role === 'working_group' && p.group === party.code;
}

/** Does this person lead the party: a working group's lead, a unit's leadership focal point, a vendor's senior focal point? */
export function leads(p: Principal, party: Party | null): boolean {
  if (!represents(p, party)) return false;
  if (party?.kind === 'working_group') return p.lead === true;
  if (party?.kind === 'unit') return p.focalKind === 'leadership';
  return true;
}

function ownUnit(p: Principal, registry: Registry, unitCode: string): boolean {
  if (p.role !== 'unit_focal' || !p.unitCode) return false;
  return unitCode === p.unitCode || registry.provinceOf(unitCode) === p.unitCode;
}

export type TicketScope = Pick<Ticket, 'unit_code' | 'assignee' | 'collaborators'>;

export function canView(p: Principal, t: TicketScope, registry: Registry): boolean {
  if (isCommandCenter(p)) return true;
  if (p.role === 'display') return false;
  return (
    ownUnit(p, registry, t.unit_code) || represents(p, t.assignee) || t.collaborators.some((c) => represents(p, c))
  );
}

export function canCreate(p: Principal, unitCode: string, registry: Registry): boolean {
  if (['cc_lead', 'cc_coordination', 'cc_monitoring'].includes(p.role)) return true;
  // A focal point may open a ticket for its own unit's escalated proposal (requirement 40).
  return ownUnit(p, registry, unitCode);
}

const ROUTING_ROLES = ['cc_lead', 'cc_coordination'];
const CLOSING_ROLES = ['cc_lead', 'cc_coordination', 'cc_monitoring'];

/** Who may do what; null when allowed, else why not (for the 403). */
export function denial(p: Principal, action: TicketAction, t: TicketScope, registry: Registry): BilingualText | null {
  if (!canView(p, t, registry)) {
    return bilingual('Phiếu này không thuộc phạm vi của tài khoản.', 'This ticket is outside your account’s scope.');
  }
  switch (action) {
    case 'assign':
    case 'cancel':
      return ROUTING_ROLES.includes(p.role)
        ? null
        : bilingual(
            'Chỉ Nhóm Điều phối và Giao việc hoặc Tổ trưởng được giao/hủy phiếu.',
            'Only the Coordination & Assignment team or the team lead may assign or cancel.',
          );
    case 'assign_person':
      return ROUTING_ROLES.includes(p.role) || leads(p, t.assignee)
        ? null
        : bilingual(
            'Chỉ trưởng nhóm / lãnh đạo của đơn vị được giao (hoặc Nhóm Điều phối) được giao phiếu cho thành viên.',
            'Only the lead of the assigned party (or Coordination) may hand the ticket to a member.',
          );
    case 'close':
    case 'reopen':
      return CLOSING_ROLES.includes(p.role)
        ? null
        : bilingual(
            'Chỉ Trung tâm Chỉ huy được xác minh và đóng phiếu.',
            'Only the Command Center may verify and close a ticket.',
          );
    case 'acknowledge':
      if (!represents(p, t.assignee))
        return bilingual('Chỉ đơn vị được giao mới xác nhận tiếp nhận.', 'Only the assigned party may acknowledge.');
      // The group lead confirms receipt for a working group (seed 000 L1075-1077).
      return p.role === 'working_group' && !p.lead
        ? bilingual('Trưởng nhóm xác nhận tiếp nhận.', 'The group lead acknowledges.')
        : null;
    case 'start':
    case 'report_done':
      return represents(p, t.assignee)
        ? null
        : bilingual('Chỉ đơn vị được giao mới cập nhật tiến độ.', 'Only the assigned party may update progress.');
    case 'comment':
    case 'attach':
      return null;
  }
}

/** Order of the action buttons: the next step of the lifecycle first, destructive ones last. */
export const ACTION_ORDER: readonly TicketAction[] = [
  'assign',
  'acknowledge',
  'start',
  'report_done',
  'close',
  'reopen',
  'cancel',
];

/** May this person take this action on this ticket now (role, scope and lifecycle)? The server and the wall ask the same. */
export function mayDo(
  p: Principal | null,
  action: TicketAction,
  t: TicketScope & Pick<Ticket, 'status'>,
  registry: Registry,
): boolean {
  return p !== null && denial(p, action, t, registry) === null && nextStatus(t.status, action).ok;
}

/** The lifecycle buttons to show now (comment and attach have their own controls). */
export function availableActions(
  p: Principal | null,
  t: TicketScope & Pick<Ticket, 'status'>,
  registry: Registry,
): TicketAction[] {
  return ACTION_ORDER.filter((a) => mayDo(p, a, t, registry));
}
