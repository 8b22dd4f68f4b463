import { API_ERRORS, bilingual, toFieldIssues, type ApiErrorBody } from '@kh02/schemas';
import { DomainError, sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';

export function fail(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof DomainError) {
    const body: ApiErrorBody = { error: { code: err.code, message: err.bilingualMessage } };
    return reply.code(err.status).send(body);
  }
  throw err;
}

/** Validates a body: the parsed value, or undefined once a 400 with every field's path and reason was sent. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined {
  const r = schema.safeParse(body, { reportInput: true });
  if (r.success) return r.data;
  void sendError(reply, 'VALIDATION_FAILED', {
    details: toFieldIssues(r.error),
    message: API_ERRORS.BAD_REQUEST.message,
  });
  return undefined;
}

/** The signed-in person; the wall display's read-only session never reads people's contacts. */
export function person(req: FastifyRequest, reply: FastifyReply): Principal | undefined {
  const p = req.principal;
  if (!p || p.role === 'display') {
    void sendError(reply, 'FORBIDDEN', {
      message: bilingual(
        'Màn hình tường không xem được danh bạ và thông báo cá nhân.',
        'The wall display cannot read people’s contacts or notifications.',
      ),
    });
    return undefined;
  }
  return p;
}
