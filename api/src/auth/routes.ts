import { bilingual, WORKING_GROUPS, WORKING_GROUP_NAMES } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { DomainError, sendError } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NewAccountSchema, type AccountService } from './accounts.js';
import { bearer, requireCommandCenter, requireSession } from './auth-hooks.js';

const LoginSchema = z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) });

/** Sign-in, the current principal, account administration (Tổ trưởng only) and the routing list. */
export function registerAuthRoutes(app: FastifyInstance, deps: { accounts: AccountService; registry: Registry }): void {
  const auth = requireSession(deps.accounts);

  app.post('/api/v1/auth/login', { config: { public: true } }, async (req, reply) => {
    const body = LoginSchema.safeParse(req.body);
    if (!body.success) return sendError(reply, 'BAD_REQUEST');
    try {
      return reply.send(await deps.accounts.login(body.data.username, body.data.password));
    } catch (err) {
      if (err instanceof DomainError)
        return reply.code(err.status).send({ error: { code: err.code, message: err.bilingualMessage } });
      throw err;
    }
  });

  app.get('/api/v1/auth/me', { preHandler: auth }, (req, reply) => reply.send(req.principal));

  /** Ends the calling session on the server (204 once recorded); the person's other sessions stay. */
  app.post('/api/v1/auth/logout', { preHandler: auth }, async (req, reply) => {
    await deps.accounts.logout(bearer(req) ?? '');
    return reply.code(204).send();
  });

  app.get('/api/v1/accounts', { preHandler: auth }, (req, reply) => {
    if (!requireCommandCenter(req, reply, ['cc_lead'])) return reply;
    return reply.send(deps.accounts.list());
  });

  app.post('/api/v1/accounts', { preHandler: auth }, async (req, reply) => {
    const actor = requireCommandCenter(req, reply, ['cc_lead']);
    if (!actor) return reply;
    const input = NewAccountSchema.safeParse(req.body);
    if (!input.success) {
      return sendError(reply, 'VALIDATION_FAILED', {
        message: bilingual(
          'Thông tin tài khoản không hợp lệ (cần ký cam kết bảo mật).',
          'Invalid account (the confidentiality commitment must be signed).',
        ),
      });
    }
    try {
      return reply.code(201).send(await deps.accounts.create(actor, input.data));
    } catch (err) {
      if (err instanceof DomainError)
        return reply.code(err.status).send({ error: { code: err.code, message: err.bilingualMessage } });
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/api/v1/accounts/:id/disable', { preHandler: auth }, async (req, reply) => {
    const actor = requireCommandCenter(req, reply, ['cc_lead']);
    if (!actor) return reply;
    await deps.accounts.disable(actor, req.params.id);
    return reply.code(204).send();
  });

  /** The preconfigured list tickets are routed to (seed 000 L610, L711-712). */
  app.get('/api/v1/routing/parties', { preHandler: auth }, (_req, reply) =>
    reply.send({
      vendors: deps.registry.vendors.map((v) => ({ kind: 'vendor', code: v.code, name: v.name, name_en: v.nameEn })),
      units: [
        ...deps.registry.provinces.map((p) => ({ kind: 'unit', code: p.code, name: p.name, name_en: p.nameEn })),
        ...deps.registry.agencies.map((a) => ({ kind: 'unit', code: a.code, name: a.name, name_en: a.nameEn })),
      ],
      working_groups: WORKING_GROUPS.map((g) => ({
        kind: 'working_group',
        code: g,
        name: WORKING_GROUP_NAMES[g].vi,
        name_en: WORKING_GROUP_NAMES[g].en,
      })),
    }),
  );
}
