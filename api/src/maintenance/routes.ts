import { MaintenanceNoteSchema, PlanMaintenanceSchema } from '@kh02/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { failWith, idempotencyKeyOf, parseBody } from '../routes/route-bodies.js';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import type { MaintenanceService } from './maintenance-service.js';

/** Maintenance windows: list, plan, approve, reject, cancel (docs/api.md). Every route needs a session. */
export function registerMaintenanceRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; maintenance: MaintenanceService },
): void {
  const auth = requireSession(deps.accounts);
  const me = (req: FastifyRequest) => req.principal as Principal;

  app.get<{ Querystring: { system?: string; unit?: string } }>(
    '/api/v1/maintenance',
    { preHandler: auth },
    (req, reply) =>
      reply.send(
        deps.maintenance.list(me(req), {
          ...(req.query.system ? { systemId: req.query.system } : {}),
          ...(req.query.unit ? { unitCode: req.query.unit } : {}),
        }),
      ),
  );

  app.post('/api/v1/maintenance', { preHandler: auth }, async (req, reply) => {
    const input = parseBody(PlanMaintenanceSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(await deps.maintenance.plan(me(req), input, idempotencyKeyOf(req)));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.post<{ Params: { id: string } }>('/api/v1/maintenance/:id/approve', { preHandler: auth }, async (req, reply) => {
    try {
      return reply.send(await deps.maintenance.approve(me(req), req.params.id));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  for (const action of ['reject', 'cancel'] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/v1/maintenance/:id/${action}`,
      { preHandler: auth },
      async (req, reply) => {
        const input = parseBody(MaintenanceNoteSchema, req.body, reply);
        if (!input) return reply;
        try {
          return reply.send(await deps.maintenance[action](me(req), req.params.id, input.note));
        } catch (err) {
          return failWith(reply, err);
        }
      },
    );
  }
}
