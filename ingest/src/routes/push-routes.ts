import { PUSH_ROUTES } from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from '../auth/api-keys.js';
import type { IngestDeps } from '../ingest-deps.js';
import { PushMetrics } from '../protocols/push-metrics.js';
import { handleOtlpMetrics } from './otlp-metrics.js';
import { handlePrometheusWrite } from './prometheus-write.js';
import type { PushContext } from './push-samples.js';

/** Keeps the raw bytes: the handlers decode them (so every decoding failure gets its own error) and hash them. */
function rawBuffer(request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: Buffer) => void): void {
  request.rawBody = body;
  done(null, body);
}

/**
 * The push endpoints for Prometheus and OpenTelemetry, each in its own
 * encapsulated scope: only there are bodies taken as raw bytes (the handlers
 * accept protobuf, and OTLP's JSON, and answer any other media type 415), so
 * every other route stays strictly JSON-only.
 */
export function registerPushRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const ctx: PushContext = { deps, pushMetrics: new PushMetrics(deps.metrics.registry) };
  registerPushRoute(app, PUSH_ROUTES.prometheus, ctx, handlePrometheusWrite);
  registerPushRoute(app, PUSH_ROUTES.otlp, ctx, handleOtlpMetrics);
}

type PushHandler = (
  ctx: PushContext,
  key: ApiKeyRecord,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply>;

function registerPushRoute(app: FastifyInstance, route: string, ctx: PushContext, handler: PushHandler): void {
  void app.register((scope, _opts, next) => {
    scope.removeAllContentTypeParsers();
    // Any media type reaches the handler (after the key check), which refuses the ones it does not read with its own 415.
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, rawBuffer);
    scope.post(route, { config: { apiKey: true, telemetryKind: 'health_sample' } }, (request, reply) => {
      const key = request.auth?.key;
      return key ? handler(ctx, key, request, reply) : sendError(reply, 'UNAUTHENTICATED');
    });
    next();
  });
}
