import { randomUUID } from 'node:crypto';
import {
  API_ERRORS,
  bilingual,
  TaskAssignSchema,
  TaskCreateSchema,
  TaskStatusSchema,
  TaskUpdateSchema,
  TaskVerifySchema,
  toFieldIssues,
  type ApiErrorBody,
} from '@kh02/schemas';
import { DomainError, sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import type { TaskFilter, TaskService } from './task-service.js';

export interface TaskRouteDeps {
  tasks: TaskService;
  accounts: AccountService;
}

function fail(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof DomainError) {
    const body: ApiErrorBody = { error: { code: err.code, message: err.bilingualMessage } };
    return reply.code(err.status).send(body);
  }
  throw err;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined {
  const r = schema.safeParse(body, { reportInput: true });
  if (r.success) return r.data;
  void sendError(reply, 'VALIDATION_FAILED', {
    details: toFieldIssues(r.error),
    message: API_ERRORS.BAD_REQUEST.message,
  });
  return undefined;
}

const idem = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(h) ? h : randomUUID();
};
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
      return fail(reply, err);
    }
  });

  app.post('/api/v1/tasks', { preHandler: auth }, async (req, reply) => {
    const input = parse(TaskCreateSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(await deps.tasks.create(me(req), input, { idempotencyKey: idem(req) }));
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.post<{ Params: { n: string } }>('/api/v1/tasks/:n/assignments', { preHandler: auth }, async (req, reply) => {
    const n = taskNo(req.params.n);
    if (n === undefined) return sendError(reply, 'NOT_FOUND');
    const input = parse(TaskAssignSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.send(await deps.tasks.assign(me(req), n, input, { idempotencyKey: idem(req) }));
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.post<{ Params: { n: string; unit: string } }>(
    '/api/v1/tasks/:n/progress/:unit',
    { preHandler: auth },
    async (req, reply) => {
      const n = taskNo(req.params.n);
      if (n === undefined) return sendError(reply, 'NOT_FOUND');
      const input = parse(TaskUpdateSchema, req.body, reply);
      if (!input) return reply;
      const version = expected(req);
      try {
        return reply.send(
          await deps.tasks.update(me(req), n, req.params.unit, input, {
            idempotencyKey: idem(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return fail(reply, err);
      }
    },
  );

  app.post<{ Params: { n: string; unit: string } }>(
    '/api/v1/tasks/:n/progress/:unit/verify',
    { preHandler: auth },
    async (req, reply) => {
      const n = taskNo(req.params.n);
      if (n === undefined) return sendError(reply, 'NOT_FOUND');
      const input = parse(TaskVerifySchema, req.body, reply);
      if (!input) return reply;
      const version = expected(req);
      try {
        return reply.send(
          await deps.tasks.verify(me(req), n, req.params.unit, input, {
            idempotencyKey: idem(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return fail(reply, err);
      }
    },
  );
}
