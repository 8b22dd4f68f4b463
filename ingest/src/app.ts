import helmet from '@fastify/helmet';
import { MAX_BODY_BYTES } from '@kh02/schemas';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ApiKeyRecord } from './auth/api-keys.js';
import { tokenFromHeaders } from './auth/api-keys.js';
import { installErrorHandlers, sendError } from '@kh02/platform';
import type { IngestDeps } from './ingest-deps.js';
import { registerTelemetryRoutes } from './routes/telemetry.js';
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
  });
  let shuttingDown = false;
  app.decorate('markShuttingDown', () => {
    shuttingDown = true;
  });
  app.decorateRequest('rawBody', undefined);
  const nonces = new NonceCache();
  app.decorateRequest('auth', undefined);
  installErrorHandlers(app);
  // Machine-to-machine API: the standard hardening headers, no browser CORS at all.
  void app.register(helmet, { contentSecurityPolicy: false });

  // JSON only: every other media type is a 415. The raw bytes are kept for body hashing and signatures.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.rawBody = raw;
    if (raw.length === 0) {
      done(Object.assign(new Error('empty body'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }));
      return;
    }
    try {
      done(null, JSON.parse(raw.toString('utf8')));
    } catch (err) {
      done(err as Error);
    }
  });

  app.addHook('onResponse', async (_request, reply) => {
    deps.metrics.response(reply.statusCode);
  });

  app.addHook('preHandler', async (request, reply) => {
    // Every write needs a key; the published schemas (GET) are public.
    if (request.method !== 'POST' || !request.url.startsWith('/v1/')) return;
    const check = deps.keys.verify(tokenFromHeaders(request.headers), deps.now());
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'rejected API key');
      return sendError(reply, 'UNAUTHENTICATED');
    }
    const waitMs = deps.rateLimiter.take(check.key.id, check.key.rate_per_sec, check.key.burst, deps.now());
    if (waitMs > 0) return sendError(reply, 'RATE_LIMITED', { retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) });
    const header = request.headers[SIGNATURE_HEADER];
    if (check.key.require_signature || header !== undefined) {
      const sig = verifySignature(
        typeof header === 'string' ? header : undefined,
        request.rawBody ?? Buffer.alloc(0),
        check.key.secret_sha256,
        check.key.id,
        nonces,
        deps.now(),
      );
      if (!sig.ok) {
        request.log.info({ reason: sig.reason, key: check.key.id }, 'rejected request signature');
        return sendError(reply, sig.reason === 'replayed' ? 'REPLAYED_REQUEST' : 'BAD_SIGNATURE');
      }
    }
    request.auth = { key: check.key };
  });

  registerTelemetryRoutes(app, deps);
  registerSchemaRoutes(app);

  app.get('/health', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const checks: Record<string, boolean> = { bus: deps.bus.isConnected(), shutting_down: shuttingDown };
    for (const [i, check] of (deps.readinessChecks ?? []).entries()) checks[`check_${i}`] = await check();
    const ready =
      checks.bus === true && !shuttingDown && Object.entries(checks).every(([k, v]) => k === 'shutting_down' || v);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4').send(deps.metrics.render() + (deps.extraMetrics?.() ?? '')),
  );
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    markShuttingDown(): void;
  }
}
