import { createHash } from 'node:crypto';
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

const WATCHED = new Set(['verify', 'assign', 'respond', 'acknowledge']);

/**
 * SLA clocks at 80 % and at breach: each (ticket, clock, state, start) is raised
 * once to the notification outbox, which plans it once under that key.
 */
export async function watchClocks(
  tickets: TicketService,
  raise: (triggerId: string, ticketId: string, type: string, data: Record<string, unknown>) => Promise<void>,
  logger: Logger,
): Promise<void> {
  for (const t of tickets.list(SYSTEM_PRINCIPAL, { active: true }))
    for (const c of t.clocks) {
      if (!WATCHED.has(c.kind) || (c.state !== 'near_breach' && c.state !== 'breached')) continue;
      const type = c.state === 'breached' ? 'clock_breached' : 'clock_near_breach';
      const id = createHash('sha256').update(`${t.id}|${c.kind}|${type}|${c.started_at}`).digest('hex').slice(0, 32);
      await raise(`clock-${id}`, t.id, type, { kind: c.kind, deadline: c.deadline }).catch((err: unknown) =>
        logger.warn({ err, ticket: t.id, clock: c.kind }, 'clock alert not planned; retried next check'),
      );
    }
}
