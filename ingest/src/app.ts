import helmet from '@fastify/helmet';
import { MAX_BODY_BYTES, type TelemetryKind } from '@kh02/schemas';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import type { ApiKeyRecord } from './auth/api-keys.js';
import { tokenFromHeaders } from './auth/api-keys.js';
import {
  DEFAULT_HTTP_TIMEOUTS,
  exposition,
  httpServerTimeouts,
  installErrorHandlers,
  recordRoutes,
  installStrictJsonParser,
  sendError,
} from '@kh02/platform';
import type { IngestDeps } from './ingest-deps.js';
import { registerTelemetryRoutes } from './routes/telemetry.js';
import { registerPushRoutes } from './routes/push-routes.js';
import { registerSchemaRoutes } from './openapi/schema-routes.js';
import { NonceCache, SIGNATURE_HEADER, verifySignature } from './auth/signatures.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    auth?: { key: ApiKeyRecord };
  }
}

/** Builds the ingest HTTP app; `server.ts` wires real dependencies and listens. */
export function buildIngestApp(deps: IngestDeps, logger: Logger): FastifyInstance {
  // Typed as fastify's logger interface so the instance keeps fastify's default generics.
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance,
    bodyLimit: MAX_BODY_BYTES,
    // Per-request access logs at 10k req/s would cost more than the work itself; counters cover it.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    ...httpServerTimeouts(deps.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS),
  });
  let shuttingDown = false;
  app.decorate('markShuttingDown', () => {
    shuttingDown = true;
  });
  app.decorateRequest('rawBody', undefined);
  const nonces = new NonceCache();
  app.decorateRequest('auth', undefined);
  installErrorHandlers(app);
  recordRoutes(app);
  // Machine-to-machine API: the standard hardening headers, no browser CORS at all.
  void app.register(helmet, { contentSecurityPolicy: false });

  // JSON only: every other media type is a 415. The raw bytes are kept for body hashing and signatures.
  app.removeAllContentTypeParsers();
  installStrictJsonParser(app, (request, raw) => {
    request.rawBody = raw;
  });

  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.response(reply.statusCode);
    const kind = request.routeOptions.config.telemetryKind;
    if (kind) deps.metrics.accept(kind, reply.statusCode, reply.elapsedTime / 1000);
    request.log.debug(
      { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
  });

  // The key is checked before the body is read (onRequest), on the route the router matched: a
  // request without a valid key is a 401 whatever its body, and an unread body never holds a socket.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.apiKey !== true) return;
    const check = deps.keys.verify(tokenFromHeaders(request.headers), deps.now());
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'rejected API key');
      closeIfBodyPending(request, reply);
      return sendError(reply, 'UNAUTHENTICATED');
    }
    const waitMs = deps.rateLimiter.take(check.key.id, check.key.rate_per_sec, check.key.burst, deps.now());
    if (waitMs > 0) {
      closeIfBodyPending(request, reply);
      return sendError(reply, 'RATE_LIMITED', { retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) });
    }
    request.auth = { key: check.key };
  });

  app.addHook('preHandler', async (request, reply) => {
    const key = request.auth?.key;
    if (!key) return;
    const header = request.headers[SIGNATURE_HEADER];
    if (key.require_signature || header !== undefined) {
      const sig = verifySignature(
        typeof header === 'string' ? header : undefined,
        request.rawBody ?? Buffer.alloc(0),
        key.secret_sha256,
        key.id,
        nonces,
        deps.now(),
      );
      if (!sig.ok) {
        request.log.info({ reason: sig.reason, key: key.id }, 'rejected request signature');
        return sendError(reply, sig.reason === 'replayed' ? 'REPLAYED_REQUEST' : 'BAD_SIGNATURE');
      }
    }
  });

  registerTelemetryRoutes(app, deps);
  registerPushRoutes(app, deps);
  registerSchemaRoutes(app);

  app.get('/health', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const checks: Record<string, boolean> = { bus: deps.bus.isConnected(), shutting_down: shuttingDown };
    for (const [i, check] of (deps.readinessChecks ?? []).entries()) checks[`check_${i}`] = await check();
    const ready =
      checks.bus === true && !shuttingDown && Object.entries(checks).every(([k, v]) => k === 'shutting_down' || v);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await exposition(deps.metrics.registry);
    return reply.type(contentType).send(body);
  });
  return app;
}

/** Answering before the body arrived: close the connection rather than read (or wait for) a body nobody wants. */
function closeIfBodyPending(request: FastifyRequest, reply: FastifyReply): void {
  if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined) {
    reply.header('connection', 'close');
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    markShuttingDown(): void;
  }
  interface FastifyContextConfig {
    /** The route needs an ingest API key (checked before the body is read). */
    apiKey?: boolean;
    /** The telemetry kind the route takes (for the accept-latency histogram). */
    telemetryKind?: TelemetryKind;
  }
}
