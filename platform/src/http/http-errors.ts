import { API_ERRORS, type ApiErrorBody, type ApiErrorCode, type BilingualText, type FieldIssue } from '@kh02/schemas';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { JsonTextError } from './strict-json.js';

export function sendError(
  reply: FastifyReply,
  code: ApiErrorCode,
  opts: { details?: FieldIssue[]; message?: BilingualText; retryAfterSec?: number } = {},
): FastifyReply {
  const spec = API_ERRORS[code];
  if (opts.retryAfterSec !== undefined) reply.header('retry-after', String(opts.retryAfterSec));
  const body: ApiErrorBody = {
    error: { code, message: opts.message ?? spec.message, ...(opts.details ? { details: opts.details } : {}) },
  };
  return reply.code(spec.status).type('application/json; charset=utf-8').send(body);
}

/** fastify's own errors (body limit, media type, bad JSON) in our bilingual shape; never a stack trace. */
const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** `notFound: false` when the caller answers unknown paths itself (e.g. a single-page app fallback). */
export function installErrorHandlers(app: FastifyInstance, opts: { notFound?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendError(reply, mapped);
    if (err instanceof JsonTextError) return sendError(reply, 'INVALID_JSON', { details: [err.issue] });
    if (err instanceof SyntaxError) {
      return sendError(reply, 'INVALID_JSON', {
        details: [
          {
            path: '(body)',
            reason: 'invalid_json',
            message: { vi: `JSON lỗi: ${err.message}`, en: `JSON error: ${err.message}` },
          },
        ],
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, 'BAD_REQUEST');
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 'INTERNAL');
  });
  if (opts.notFound !== false) app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND'));
}
