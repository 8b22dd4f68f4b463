import type { Logger } from '@kh02/platform';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { TicketService } from './ticket-service.js';

/**
 * The 24 h escalation as a real event: when a ticket's "escalate" clock is
 * breached (no response from the assignee for 24 h), an `escalated` event is
 * recorded on the ticket once per quiet spell (keyed by when the spell began),
 * which the notification rules send to the Tổ trưởng and the unit's leadership.
 */
export async function escalateOverdue(tickets: TicketService, logger: Logger): Promise<number> {
  let recorded = 0;
  for (const t of tickets.list(SYSTEM_PRINCIPAL, { active: true })) {
    const clock = t.clocks.find((c) => c.kind === 'escalate' && c.state === 'breached');
    if (!clock) continue;
    if (t.history.some((h) => h.type === 'escalated' && h.at >= clock.started_at)) continue;
    try {
      await tickets.recordSystemEvent(
        t.id,
        'escalated',
        { quiet_since: clock.started_at, deadline: clock.deadline },
        `escalated:${clock.started_at}`,
      );
      recorded++;
    } catch (err) {
      logger.warn({ err, ticket: t.id }, 'escalation not recorded; retried next check');
    }
  }
  return recorded;
}
