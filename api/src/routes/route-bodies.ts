import { randomUUID } from 'node:crypto';
import { API_ERRORS, toFieldIssues, type ApiErrorBody } from '@kh02/schemas';
import { DomainError, sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Answers a domain refusal with its status and bilingual message; anything else is a bug and is rethrown. */
export function failWith(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof DomainError) {
    const body: ApiErrorBody = { error: { code: err.code, message: err.bilingualMessage } };
    return reply.code(err.status).send(body);
  }
  throw err;
}

/** Parses a request body, or answers 400 with every field's path, reason and bilingual message. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined {
  const r = schema.safeParse(body, { reportInput: true });
  if (r.success) return r.data;
  void sendError(reply, 'VALIDATION_FAILED', {
    details: toFieldIssues(r.error),
    message: API_ERRORS.BAD_REQUEST.message,
  });
  return undefined;
}

/** The request's Idempotency-Key when well formed, else a fresh one (the action is then not retry-safe). */
export const idempotencyKeyOf = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(h) ? h : randomUUID();
};
