import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8, invalidUtf8, scanJsonText, type FieldIssue } from '@kh02/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A JSON body the store could not hold faithfully (bad UTF-8, lone surrogate, repeated key): answered 400. */
export class JsonTextError extends Error {
  override readonly name = 'JsonTextError';
  readonly statusCode = 400;
  constructor(readonly issue: FieldIssue) {
    super(`${issue.reason} at ${issue.path}`);
  }
}

function withIndex(issue: FieldIssue): FieldIssue {
  const m = /^events\[(\d+)\]/.exec(issue.path);
  return m ? { index: Number(m[1]), ...issue } : issue;
}

/**
 * Parses a JSON body strictly: the bytes must be UTF-8 (not silently turned
 * into U+FFFD), no string may hold a lone surrogate, no object may repeat a
 * key. Anything that passes is text ClickHouse stores exactly as sent.
 */
export function parseStrictJson(raw: Buffer): unknown {
  if (!isUtf8(raw)) {
    const at = firstInvalidUtf8(raw);
    const { pathAtEnd } = scanJsonText(raw.subarray(0, Math.max(0, at)).toString('utf8'));
    throw new JsonTextError(withIndex(invalidUtf8(pathAtEnd, at)));
  }
  const text = raw.toString('utf8');
  const { issue } = scanJsonText(text);
  if (issue) throw new JsonTextError(withIndex(issue));
  return JSON.parse(text) as unknown;
}

/**
 * Replaces fastify's JSON parser with the strict one. `onRaw` sees the bytes
 * (ingest keeps them for body hashing and request signatures).
 */
export function installStrictJsonParser(
  app: FastifyInstance,
  onRaw?: (request: FastifyRequest, raw: Buffer) => void,
): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    onRaw?.(request, raw);
    if (raw.length === 0) {
      done(Object.assign(new Error('empty body'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }));
      return;
    }
    try {
      done(null, parseStrictJson(raw));
    } catch (err) {
      done(err as Error);
    }
  });
}
