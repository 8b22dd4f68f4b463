import { defaultRegistry } from '@kh02/schemas/registry';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import type { TicketAction } from '@kh02/schemas';
import { canCreate, canView, denial } from '@kh02/schemas';
import { defaultRouting } from '../../src/tickets/routing.js';
import { people, storedTicket, unit, vendor } from './ticket-fixtures.js';

const registry = defaultRegistry();
const hanoiCommune = registry.communesOf('01')[0]!.code;
/** A Hà Nội ticket routed to VNPT with the Hà Nội focal point collaborating. */
const t = storedTicket({ assignee: vendor('VNPT'), collaborators: [unit('01')] });
const allowed = (p: Principal, a: TicketAction, ticket = t) => denial(p, a, ticket, registry) === null;

describe('role boundaries', () => {
  it('lets the Command Center see everything and the wall display no ticket', () => {
    for (const p of [people.lead, people.coordinator, people.monitor, people.analyst])
      expect(canView(p, t, registry)).toBe(true);
    expect(canView(people.display, t, registry)).toBe(false);
  });

  it('scopes focal points to their own unit (a commune counts as its province) and vendors/groups to their assignments', () => {
    expect(canView(people.hanoiFocal, storedTicket({ unit_code: hanoiCommune }), registry)).toBe(true);
    expect(canView(people.hcmFocal, t, registry)).toBe(false);
    expect(canView(people.vnpt, t, registry)).toBe(true);
    expect(canView(people.viettel, t, registry)).toBe(false);
    expect(
      canView(people.wg3Member, storedTicket({ collaborators: [{ kind: 'working_group', code: 'WG3' }] }), registry),
    ).toBe(true);
    expect(canView(people.wg3Member, t, registry)).toBe(false);
  });

  it('allows creating tickets to monitoring/coordination/lead anywhere and to a focal point only for its unit', () => {
    expect(canCreate(people.monitor, '79', registry)).toBe(true);
    expect(canCreate(people.analyst, '79', registry)).toBe(false);
    expect(canCreate(people.hanoiFocal, '01', registry)).toBe(true);
    expect(canCreate(people.hanoiFocal, hanoiCommune, registry)).toBe(true);
    expect(canCreate(people.hanoiFocal, '79', registry)).toBe(false);
    expect(canCreate(people.vnpt, '01', registry)).toBe(false);
  });

  it('reserves assigning and cancelling to coordination and the lead', () => {
    for (const a of ['assign', 'cancel'] as const) {
      expect(allowed(people.coordinator, a)).toBe(true);
      expect(allowed(people.lead, a)).toBe(true);
      expect(allowed(people.monitor, a)).toBe(false);
      expect(allowed(people.vnpt, a)).toBe(false);
      expect(allowed(people.hanoiFocal, a)).toBe(false);
    }
  });

  it('lets only the Command Center verify and close, never the assignee', () => {
    for (const a of ['close', 'reopen'] as const) {
      expect(allowed(people.monitor, a)).toBe(true);
      expect(allowed(people.vnpt, a)).toBe(false);
      expect(allowed(people.hanoiFocal, a)).toBe(false);
    }
  });

  it('lets only the assignee acknowledge and report progress; a working group acknowledges through its lead', () => {
    for (const a of ['acknowledge', 'start', 'report_done'] as const) {
      expect(allowed(people.vnpt, a)).toBe(true);
      expect(allowed(people.hanoiFocal, a)).toBe(false);
      expect(allowed(people.coordinator, a)).toBe(false);
    }
    const toGroup = storedTicket({ assignee: { kind: 'working_group', code: 'WG3' } });
    expect(allowed(people.wg3Lead, 'acknowledge', toGroup)).toBe(true);
    expect(allowed(people.wg3Member, 'acknowledge', toGroup)).toBe(false);
    expect(allowed(people.wg3Member, 'start', toGroup)).toBe(true);
  });

  it('lets anyone who can see the ticket comment, and nobody else', () => {
    expect(allowed(people.hanoiFocal, 'comment')).toBe(true);
    expect(allowed(people.hcmFocal, 'comment')).toBe(false);
    expect(denial(people.hcmFocal, 'comment', t, registry)?.en).toContain('outside your account');
  });
});

describe('default routing by issue type', () => {
  const system = registry.systemsOf('01').find((s) => s.kind === 'tthc')!;
  it('type 1 → the system vendor, with the unit focal point informed', () => {
    expect(
      defaultRouting(registry, { issue_type: 1, unit_code: '01', system_id: system.id, topic: 'general' }),
    ).toEqual({
      assignee: vendor(system.vendorCode),
      collaborators: [unit('01')],
    });
  });
  it('types 2 and 4 → the province/ministry focal point with the topic’s working group; a commune routes to its province', () => {
    expect(
      defaultRouting(registry, { issue_type: 2, unit_code: hanoiCommune, system_id: null, topic: 'online_services' }),
    ).toEqual({
      assignee: unit('01'),
      collaborators: [{ kind: 'working_group', code: 'WG3' }],
    });
    expect(
      defaultRouting(registry, { issue_type: 4, unit_code: 'BCA', system_id: null, topic: 'infrastructure' })
        .collaborators,
    ).toEqual([{ kind: 'working_group', code: 'WG2' }]);
  });
  it('type 3 → the specialised working group leads', () => {
    expect(
      defaultRouting(registry, { issue_type: 3, unit_code: '79', system_id: null, topic: 'security' }).assignee,
    ).toEqual({
      kind: 'working_group',
      code: 'WG4',
    });
  });
});
