import { TICKET_STATUSES, type TicketStatus } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { nextStatus, TRANSITIONS, type TicketAction } from '@kh02/schemas';

const EXPECTED: Record<TicketAction, Partial<Record<TicketStatus, TicketStatus>>> = {
  assign: { created: 'assigned', assigned: 'assigned', acknowledged: 'assigned', in_progress: 'assigned' },
  assign_person: { assigned: 'assigned', acknowledged: 'acknowledged', in_progress: 'in_progress' },
  acknowledge: { assigned: 'acknowledged' },
  start: { acknowledged: 'in_progress' },
  report_done: { in_progress: 'done' },
  close: { done: 'closed' },
  reopen: { done: 'in_progress' },
  cancel: { created: 'cancelled', assigned: 'cancelled', acknowledged: 'cancelled', in_progress: 'cancelled' },
  comment: {
    created: 'created',
    assigned: 'assigned',
    acknowledged: 'acknowledged',
    in_progress: 'in_progress',
    done: 'done',
  },
  attach: {
    created: 'created',
    assigned: 'assigned',
    acknowledged: 'acknowledged',
    in_progress: 'in_progress',
    done: 'done',
  },
};

describe('ticket lifecycle', () => {
  // Every (action, status) pair: allowed ones land where the handbook says, the rest are refused with a reason.
  for (const action of Object.keys(TRANSITIONS) as TicketAction[]) {
    for (const status of TICKET_STATUSES) {
      const want = EXPECTED[action][status];
      it(`${action} from ${status} → ${want ?? 'refused'}`, () => {
        const r = nextStatus(status, action);
        if (want) expect(r).toEqual({ ok: true, status: want });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.message.vi).toMatch(/^Không thể /);
            expect(r.message.en).toMatch(/^Cannot /);
          }
        }
      });
    }
  }

  it('never lets anything leave closed or cancelled', () => {
    for (const action of Object.keys(TRANSITIONS) as TicketAction[]) {
      expect(nextStatus('closed', action).ok).toBe(false);
      expect(nextStatus('cancelled', action).ok).toBe(false);
    }
  });
});
