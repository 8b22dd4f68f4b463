import { z } from 'zod';

/**
 * Slow or stalled clients must not hold sockets and memory: the headers must
 * arrive within `headers`, the whole request (body included) within `request`,
 * and an idle connection is closed after `idle`. Node checks these once a
 * second, so a stalled request is closed at most a second late.
 */
export const HttpTimeoutsEnvShape = {
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
};

export interface HttpTimeouts {
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_IDLE_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
}

/** fastify server options for the timeouts above. */
export function httpServerTimeouts(t: HttpTimeouts) {
  const headersTimeout = Math.min(t.HTTP_HEADERS_TIMEOUT_MS, t.HTTP_REQUEST_TIMEOUT_MS);
  return {
    requestTimeout: t.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: t.HTTP_IDLE_TIMEOUT_MS,
    keepAliveTimeout: t.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: { headersTimeout, requestTimeout: t.HTTP_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
  };
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = z.object(HttpTimeoutsEnvShape).parse({});
