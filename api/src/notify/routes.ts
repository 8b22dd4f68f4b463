import { isCommandCenter, PreferencesSchema, RosterInputSchema, canView } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import { person } from '../people/route-helpers.js';
import { failWith, parseBody } from '../routes/route-bodies.js';
import type { RosterService } from '../roster/roster.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { NotificationOutbox } from './outbox.js';

export interface NotifyRouteDeps {
  accounts: AccountService;
  outbox: NotificationOutbox;
  roster: RosterService;
  tickets: TicketService;
  registry: Registry;
}

const ReadBodySchema = z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(500) });

/** The signed-in person's notification inbox and preferences, a ticket's delivery log, and the duty roster. */
export function registerNotifyRoutes(app: FastifyInstance, deps: NotifyRouteDeps): void {
  const auth = requireSession(deps.accounts);

  app.get('/api/v1/notifications', { preHandler: auth }, (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    const notifications = deps.outbox.state.inbox(p.id);
    return reply.send({ unread: notifications.filter((n) => !n.read).length, notifications });
  });

  app.post('/api/v1/notifications/read', { preHandler: auth }, async (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    const body = parseBody(ReadBodySchema, req.body, reply);
    if (!body) return reply;
    try {
      await deps.outbox.markRead(p, body.ids);
      return reply.code(204).send();
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.get('/api/v1/notifications/preferences', { preHandler: auth }, (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    return reply.send({
      preferences: deps.outbox.state.preferences(p.id),
      channels_enabled: deps.outbox.enabledChannels(),
    });
  });

  app.put('/api/v1/notifications/preferences', { preHandler: auth }, async (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    const prefs = parseBody(PreferencesSchema, req.body, reply);
    if (!prefs) return reply;
    try {
      await deps.outbox.setPreferences(p, prefs);
      return reply.send({
        preferences: deps.outbox.state.preferences(p.id),
        channels_enabled: deps.outbox.enabledChannels(),
      });
    } catch (err) {
      return failWith(reply, err);
    }
  });

  /** Who was told about this ticket, on which channel, and what failed ("chưa gửi được email cho …"). */
  app.get<{ Params: { id: string } }>('/api/v1/tickets/:id/deliveries', { preHandler: auth }, (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    try {
      const t = deps.tickets.get(p, req.params.id);
      if (!isCommandCenter(p) && !canView(p, t, deps.registry)) return reply.code(403).send();
      const deliveries = deps.outbox.state.ticketDeliveries(t.id).map((d) => ({
        at: d.at,
        channel: d.channel,
        to: { id: d.recipient.id, name: d.recipient.name },
        state: d.state,
        attempts: d.attempts,
        error: d.error,
      }));
      return reply.send({ ticket_id: t.id, deliveries });
    } catch (err) {
      return failWith(reply, err);
    }
  });

  // The wall header shows who is on duty now: any session, the wall display's too.
  app.get('/api/v1/roster/on-duty', { preHandler: auth }, (_req, reply) => reply.send(deps.roster.onDuty()));

  app.get<{ Querystring: { week?: string } }>('/api/v1/roster', { preHandler: auth }, (req, reply) => {
    if (!person(req, reply)) return reply;
    const week = deps.roster.week(String(req.query.week ?? deps.roster.onDuty().week_start ?? ''));
    const names: Record<string, string> = {};
    for (const e of week?.input.entries ?? [])
      names[e.account_id] = deps.accounts.person(e.account_id)?.name ?? e.account_id;
    return reply.send({ week: week ? { ...week, names } : null });
  });

  app.post('/api/v1/roster', { preHandler: auth }, async (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    const input = parseBody(RosterInputSchema, req.body, reply);
    if (!input) return reply;
    try {
      await deps.roster.publish(p, input);
      return reply.code(201).send({ week: deps.roster.week(input.week_start) });
    } catch (err) {
      return failWith(reply, err);
    }
  });
}
