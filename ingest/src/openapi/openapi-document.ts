import { API_ERRORS, INGEST_ROUTES, MAX_BODY_BYTES, TELEMETRY_KINDS, type TelemetryKind } from '@kh02/schemas';
import {
  publishedSchema,
  PUBLISHED_SCHEMA_NAMES,
  requestBodySchema,
  schemaNameOfKind,
  type JsonSchema,
} from './json-schemas.js';
import { pushOperations } from './push-operations.js';

/*
 * OpenAPI 3.1 description of the ingest API, built from the same contracts
 * the server runs. 3.1 uses JSON Schema 2020-12 directly, so the published
 * schemas are embedded as components unchanged (minus their $schema/$id).
 */

/** 'health-sample' → 'HealthSample', the component name. */
const componentName = (name: string) =>
  name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${componentName(name)}` });

function component(name: string): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = publishedSchema(name) ?? {};
  return rest;
}

const SUMMARIES: Partial<Record<TelemetryKind, string>> = {
  health_sample: 'Gửi mẫu giám sát hệ thống / Push health samples',
  health_report: 'Gửi báo cáo trạng thái hằng ngày / Push the daily health report',
  counter_report: 'Gửi số liệu một cửa / Push counter reports',
  incident_report: 'Báo cáo sự cố kỹ thuật / Report a technical incident',
};

const errorResponse = (description: string, headers?: JsonSchema): JsonSchema => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('api-error') } },
});
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };

function telemetryOperation(kind: TelemetryKind): JsonSchema {
  const accepted = { 'application/json': { schema: ref('ingest-accepted') } };
  return {
    operationId: `post${componentName(schemaNameOfKind(kind))}s`,
    summary: SUMMARIES[kind] ?? kind,
    description:
      `For ${kind === 'counter_report' ? 'counter' : 'vendor'} keys. The body is one event or { "events": [ … ] } with at most 1,000 events and at most ` +
      `${MAX_BODY_BYTES} bytes. A retry with the same Idempotency-Key and body answers 202 with duplicate = true ` +
      'and stores nothing new; retry 429 and 503 after Retry-After with the same key, never other 4xx.',
    tags: ['telemetry'],
    parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/Signature' }],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: requestBodySchema(ref(schemaNameOfKind(kind))) } },
    },
    responses: {
      '202': { description: 'Every event accepted and durable on the bus.', content: accepted },
      '207': { description: 'Some events rejected; results[] lists each row.', content: accepted },
      '400': errorResponse(`${API_ERRORS.VALIDATION_FAILED.message.en} Also: bad JSON, missing Idempotency-Key.`),
      '401': errorResponse(`${API_ERRORS.UNAUTHENTICATED.message.en} Or: ${API_ERRORS.BAD_SIGNATURE.message.en}`),
      '403': errorResponse(API_ERRORS.FORBIDDEN_SCOPE.message.en),
      '409': errorResponse(API_ERRORS.REPLAYED_REQUEST.message.en),
      '413': errorResponse(API_ERRORS.PAYLOAD_TOO_LARGE.message.en),
      '415': errorResponse(API_ERRORS.UNSUPPORTED_MEDIA_TYPE.message.en),
      '422': errorResponse(API_ERRORS.IDEMPOTENCY_CONFLICT.message.en),
      '429': errorResponse(API_ERRORS.RATE_LIMITED.message.en, RETRY_AFTER),
      '503': errorResponse(API_ERRORS.BUS_UNAVAILABLE.message.en, RETRY_AFTER),
    },
  };
}

const plain = (summary: string, description: string, content: JsonSchema): JsonSchema => ({
  summary,
  tags: ['operations'],
  security: [],
  responses: { '200': { description, content } },
});

let memo: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  if (memo) return memo;
  const paths: Record<string, JsonSchema> = {};
  for (const kind of TELEMETRY_KINDS) paths[INGEST_ROUTES[kind]] = { post: telemetryOperation(kind) };
  Object.assign(paths, pushOperations(ref));
  paths['/v1/schemas/{name}.json'] = {
    get: {
      ...plain('Published JSON Schema of a contract', 'A JSON Schema (draft 2020-12) document.', {
        'application/schema+json': { schema: { type: 'object' } },
      }),
      parameters: [
        { name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...PUBLISHED_SCHEMA_NAMES] } },
      ],
    },
  };
  paths['/openapi.json'] = {
    get: plain('This document', 'OpenAPI 3.1', { 'application/json': { schema: { type: 'object' } } }),
  };
  paths['/health'] = {
    get: plain('Liveness', 'The process is up.', { 'application/json': { schema: { type: 'object' } } }),
  };
  paths['/ready'] = {
    get: plain('Readiness', 'Bus and writer reachable (503 otherwise).', {
      'application/json': { schema: { type: 'object' } },
    }),
  };
  paths['/metrics'] = {
    get: plain('Prometheus counters', 'Text exposition format.', { 'text/plain': { schema: { type: 'string' } } }),
  };

  memo = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'KH02 Command Wall — ingest API / API tiếp nhận dữ liệu',
      version: '1',
      description:
        'Vendors push system health (JSON, Prometheus remote-write or OTLP/HTTP), counters push one-stop transaction counts. Every message a person reads is ' +
        'Vietnamese first, English second. Vendor conformance kit: `npm run conformance` (docs/conformance.md).',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: [{ name: 'telemetry' }, { name: 'push' }, { name: 'operations' }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'kh02_<key-id>_<secret>' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'Unique per logical request; reuse it, with the same body, on every retry.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
        },
        Signature: {
          name: 'KH02-Signature',
          in: 'header',
          required: false,
          description:
            'Required for keys created with --require-signature: t=<unix s>,n=<nonce>,v1=<hex HMAC-SHA256 of ' +
            '"<t>.<n>.<raw body>" keyed with the hex SHA-256 of the key secret>. ±5 minutes; a nonce is used once.',
          schema: { type: 'string' },
        },
      },
      schemas: Object.fromEntries(PUBLISHED_SCHEMA_NAMES.map((n) => [componentName(n), component(n)])),
    },
  };
  return memo;
}
