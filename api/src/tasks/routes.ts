import {
  bilingual,
  TaskAssignSchema,
  TaskCreateSchema,
  TaskStatusSchema,
  TaskUpdateSchema,
  TaskVerifySchema,
} from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import type { TaskFilter, TaskService } from './task-service.js';
import { failWith, idempotencyKeyOf, parseBody } from '../routes/route-bodies.js';

export interface TaskRouteDeps {
  tasks: TaskService;
  accounts: AccountService;
}

const expected = (req: FastifyRequest) => {
  const h = req.headers['if-match'];
  return typeof h === 'string' && /^\d+$/.test(h) ? Number(h) : undefined;
};
const taskNo = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : undefined);

type FilterQuery = { phase?: string; group?: string; unit?: string; status?: string; overdue?: string };

function filterOf(q: FilterQuery): TaskFilter | undefined {
  const f: TaskFilter = {};
  if (q.phase !== undefined) {
    if (q.phase !== '1' && q.phase !== '2') return undefined;
    f.phase = q.phase === '1' ? 1 : 2;
  }
  if (q.group !== undefined) {
    if (!/^[0-7]$/.test(q.group)) return undefined;
    f.group = Number(q.group);
  }
  if (q.unit) f.unit = q.unit;
  if (q.status !== undefined) {
    if (!TaskStatusSchema.safeParse(q.status).success) return undefined;
    f.status = q.status;
  }
  if (q.overdue !== undefined) f.overdue = q.overdue === 'true';
  return f;
}

const badFilter = (reply: FastifyReply) =>
  sendError(reply, 'VALIDATION_FAILED', {
    message: bilingual(
      'Bộ lọc không hợp lệ (phase 1|2, group 0–7, status là một trạng thái nhiệm vụ).',
      'Invalid filter (phase 1|2, group 0–7, status a task status).',
    ),
  });

/** Plan 02 task endpoints; every one needs a session, and a focal point sees only their unit's assignments. */
export function registerTaskRoutes(app: FastifyInstance, deps: TaskRouteDeps): void {
  const auth = requireSession(deps.accounts);
  const me = (req: FastifyRequest) => req.principal as Principal;

  app.get<{ Querystring: FilterQuery }>('/api/v1/tasks', { preHandler: auth }, (req, reply) => {
    const f = filterOf(req.query);
    return f ? reply.send(deps.tasks.list(me(req), f)) : badFilter(reply);
  });

  app.get('/api/v1/tasks-progress', { preHandler: auth }, (req, reply) => reply.send(deps.tasks.summary(me(req))));

  app.get<{ Params: { n: string } }>('/api/v1/tasks/:n', { preHandler: auth }, (req, reply) => {
    const n = taskNo(req.params.n);
    if (n === undefined) return sendError(reply, 'NOT_FOUND');
    try {
      return reply.send(deps.tasks.get(me(req), n));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.post('/api/v1/tasks', { preHandler: auth }, async (req, reply) => {
    const input = parseBody(TaskCreateSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(await deps.tasks.create(me(req), input, { idempotencyKey: idempotencyKeyOf(req) }));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.post<{ Params: { n: string } }>('/api/v1/tasks/:n/assignments', { preHandler: auth }, async (req, reply) => {
    const n = taskNo(req.params.n);
    if (n === undefined) return sendError(reply, 'NOT_FOUND');
    const input = parseBody(TaskAssignSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.send(await deps.tasks.assign(me(req), n, input, { idempotencyKey: idempotencyKeyOf(req) }));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.post<{ Params: { n: string; unit: string } }>(
    '/api/v1/tasks/:n/progress/:unit',
    { preHandler: auth },
    async (req, reply) => {
      const n = taskNo(req.params.n);
      if (n === undefined) return sendError(reply, 'NOT_FOUND');
      const input = parseBody(TaskUpdateSchema, req.body, reply);
      if (!input) return reply;
      const version = expected(req);
      try {
        return reply.send(
          await deps.tasks.update(me(req), n, req.params.unit, input, {
            idempotencyKey: idempotencyKeyOf(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return failWith(reply, err);
      }
    },
  );

  app.post<{ Params: { n: string; unit: string } }>(
    '/api/v1/tasks/:n/progress/:unit/verify',
    { preHandler: auth },
    async (req, reply) => {
      const n = taskNo(req.params.n);
      if (n === undefined) return sendError(reply, 'NOT_FOUND');
      const input = parseBody(TaskVerifySchema, req.body, reply);
      if (!input) return reply;
      const version = expected(req);
      try {
        return reply.send(
          await deps.tasks.verify(me(req), n, req.params.unit, input, {
            idempotencyKey: idempotencyKeyOf(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return failWith(reply, err);
      }
    },
  );
}
