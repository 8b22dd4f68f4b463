import { PUSH_ROUTES } from '@kh02/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IngestDeps } from '../ingest-deps.js';
import { PushMetrics } from '../protocols/push-metrics.js';
import { handleOtlpMetrics } from './otlp-metrics.js';
import { handlePrometheusWrite } from './prometheus-write.js';

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
  const pushMetrics = new PushMetrics(deps.metrics.registry);
  void app.register((scope, _opts, next) => {
    scope.removeAllContentTypeParsers();
    // Any media type reaches the handler (after the key check), which refuses all but protobuf with its own 415.
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, rawBuffer);
    scope.post(PUSH_ROUTES.prometheus, { config: { apiKey: true, telemetryKind: 'health_sample' } }, (request, reply) =>
      handlePrometheusWrite(deps, pushMetrics, request, reply),
    );
    next();
  });
  void app.register((scope, _opts, next) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, rawBuffer);
    scope.post(PUSH_ROUTES.otlp, { config: { apiKey: true, telemetryKind: 'health_sample' } }, (request, reply) =>
      handleOtlpMetrics(deps, pushMetrics, request, reply),
    );
    next();
  });
}
