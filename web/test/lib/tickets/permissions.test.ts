/*
 * The client's action mirror against the api's own rules: for every role,
 * status, action and assignee, "show the button" must equal "the server
 * would accept it" (api/src/tickets/lifecycle.ts + permissions.ts).
 */
import { type Party, type Principal, type Role, ROLES, TICKET_STATUSES } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { describe, expect, it } from 'vitest';
import { nextStatus } from '../../../../api/src/tickets/lifecycle';
import { canCreate as serverCanCreate, denial } from '../../../../api/src/tickets/permissions';
import { principal, ticket } from '../../support/ticket-fixtures';
import { availableActions, canCreate, isLegal, mayDo, type TicketAction } from '../../../src/lib/tickets/permissions';

const registry = defaultRegistry();
const ACTIONS: TicketAction[] = [
  'assign',
  'acknowledge',
  'start',
  'report_done',
  'close',
  'reopen',
  'cancel',
  'comment',
  'attach',
];

function people(): Principal[] {
  const scoped: Partial<Record<Role, Partial<Principal>[]>> = {
    unit_focal: [{ unitCode: '01' }, { unitCode: '79' }],
    vendor_focal: [{ vendorCode: 'VNPT' }, { vendorCode: 'VIETTEL' }],
    working_group: [{ group: 'WG3', lead: true }, { group: 'WG3' }, { group: 'WG1', lead: true }],
  };
  return ROLES.flatMap((role) => (scoped[role] ?? [{}]).map((extra) => principal({ id: `u-${role}`, role, ...extra })));
}

const ASSIGNEES: (Party | null)[] = [
  null,
  { kind: 'unit', code: '01' },
  { kind: 'vendor', code: 'VNPT' },
  { kind: 'working_group', code: 'WG3' },
];

describe('ticket action mirror', () => {
  it('offers exactly the actions the api would accept, for every role, status and assignee', () => {
    let compared = 0;
    for (const p of people()) {
      for (const status of TICKET_STATUSES) {
        for (const assignee of ASSIGNEES) {
          // In scope for everyone who can see it: the unit's own, or routed to them.
          const t = ticket({ status, assignee, unit_code: '01', collaborators: [] });
          for (const action of ACTIONS) {
            const server = denial(p, action, t, registry) === null && nextStatus(status, action).ok;
            const inScope = denial(p, 'comment', t, registry) === null;
            if (!inScope) continue; // the server would not even return this ticket
            expect(mayDo(p, action, t), `${p.role} ${JSON.stringify(p)} ${action} on ${status}`).toBe(server);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('mirrors who may open a ticket for a province or agency', () => {
    for (const p of people()) {
      for (const unit of ['01', '79', 'BCA']) {
        expect(canCreate(p, unit), `${p.role} ${unit}`).toBe(serverCanCreate(p, unit, registry));
      }
    }
    expect(canCreate(null, '01')).toBe(false);
  });

  it('follows the lifecycle: created → assigned → acknowledged → in progress → done → closed', () => {
    expect(isLegal('created', 'acknowledge')).toBe(false);
    expect(isLegal('assigned', 'acknowledge')).toBe(true);
    expect(isLegal('done', 'close')).toBe(true);
    expect(isLegal('closed', 'comment')).toBe(false);
    expect(isLegal('in_progress', 'assign')).toBe(true);
  });

  it('lists the buttons in lifecycle order for the people of the demo', () => {
    const assigned = ticket({ status: 'assigned', assignee: { kind: 'unit', code: '01' } });
    const coordinator = principal({ role: 'cc_coordination' });
    const hanoi = principal({ role: 'unit_focal', unitCode: '01' });
    const hcm = principal({ role: 'unit_focal', unitCode: '79' });
    expect(availableActions(coordinator, assigned)).toEqual(['assign', 'cancel']);
    expect(availableActions(hanoi, assigned)).toEqual(['acknowledge']);
    expect(availableActions(hcm, assigned)).toEqual([]);
    expect(availableActions(hanoi, { ...assigned, status: 'in_progress' })).toEqual(['report_done']);
    expect(availableActions(principal(), { ...assigned, status: 'done' })).toEqual(['close', 'reopen']);
    expect(availableActions(principal({ role: 'display' }), assigned)).toEqual([]);
    expect(availableActions(null, assigned)).toEqual([]);
  });
});
