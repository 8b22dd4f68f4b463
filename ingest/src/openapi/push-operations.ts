import { API_ERRORS, PUSH_ROUTES } from '@kh02/schemas';
import type { JsonSchema } from './json-schemas.js';

/* OpenAPI operations of the push endpoints (Prometheus remote-write, OTLP/HTTP metrics); docs/conformance.md has the vendor guide. */

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };
const error = (ref: (name: string) => JsonSchema, description: string, headers?: JsonSchema): JsonSchema => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('api-error') } },
});

function commonErrors(ref: (name: string) => JsonSchema): Record<string, JsonSchema> {
  return {
    '400': error(
      ref,
      `${API_ERRORS.INVALID_PROTOBUF.message.en} Or every recognised value refused (details[]: the series, the reason, VI + EN). Not retried.`,
    ),
    '401': error(ref, API_ERRORS.UNAUTHENTICATED.message.en),
    '403': error(ref, API_ERRORS.FORBIDDEN_SCOPE.message.en),
    '413': error(ref, `${API_ERRORS.PAYLOAD_TOO_LARGE.message.en} Or more than 16 MiB once decompressed.`),
    '415': error(ref, API_ERRORS.UNSUPPORTED_MEDIA_TYPE.message.en),
    '429': error(ref, API_ERRORS.RATE_LIMITED.message.en, RETRY_AFTER),
    '503': error(
      ref,
      `${API_ERRORS.BUS_UNAVAILABLE.message.en} Retried by the sender: the same bytes are stored once.`,
      RETRY_AFTER,
    ),
  };
}

const METRIC_SET =
  'Metric set v1: up (0/1 → uptime %), kh02_uptime_percent, kh02_cpu_percent, kh02_memory_percent, ' +
  'kh02_network_receive_bits_per_second, kh02_network_transmit_bits_per_second, kh02_response_time_seconds, ' +
  'probe_duration_seconds. The system is the kh02_system_id label (OTLP: the kh02.system_id attribute) or the ' +
  "key's series map. Values of one system at one instant make one health sample when uptime, CPU, memory and " +
  'both network directions are all there; other series are counted and ignored, never stored.';

export function pushOperations(ref: (name: string) => JsonSchema): Record<string, JsonSchema> {
  return {
    [PUSH_ROUTES.prometheus]: {
      post: {
        operationId: 'postPrometheusRemoteWrite',
        summary: 'Prometheus remote-write 1.0 / Nhận dữ liệu Prometheus remote-write',
        description: `For vendor keys (bearer token). Body: protobuf prometheus.WriteRequest, snappy block compression. ${METRIC_SET} No Idempotency-Key: a retry resends the same bytes, which is the same bus message and the same event ids.`,
        tags: ['push'],
        parameters: [
          { name: 'Content-Encoding', in: 'header', required: true, schema: { type: 'string', const: 'snappy' } },
          { name: 'X-Prometheus-Remote-Write-Version', in: 'header', required: false, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/x-protobuf': { schema: { type: 'string', contentEncoding: 'binary' } } },
        },
        responses: {
          '200': {
            description: 'Samples durable on the bus (or nothing to store); what was ignored and refused.',
            content: { 'application/json': { schema: ref('metric-push-accepted') } },
          },
          ...commonErrors(ref),
        },
      },
    },
    [PUSH_ROUTES.otlp]: {
      post: {
        operationId: 'postOtlpMetrics',
        summary: 'OTLP/HTTP metrics / Nhận số liệu OpenTelemetry',
        description: `For vendor keys (bearer token). Body: opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest as binary protobuf or OTLP JSON; Content-Encoding gzip allowed. Gauge and sum data points are read. ${METRIC_SET} Errors are the JSON error body (not google.rpc.Status).`,
        tags: ['push'],
        requestBody: {
          required: true,
          content: {
            'application/x-protobuf': { schema: { type: 'string', contentEncoding: 'binary' } },
            'application/json': { schema: { type: 'object' } },
          },
        },
        responses: {
          '200': {
            description:
              'ExportMetricsServiceResponse in the request’s encoding; partial_success counts the refused data points and says why (VI / EN).',
            content: {
              'application/x-protobuf': { schema: { type: 'string', contentEncoding: 'binary' } },
              'application/json': { schema: { type: 'object' } },
            },
          },
          ...commonErrors(ref),
        },
      },
    },
  };
}
