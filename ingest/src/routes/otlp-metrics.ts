import { gunzipSync } from 'node:zlib';
import { bilingual, type MetricPushAccepted } from '@kh02/schemas';
import { JsonTextError, parseStrictJson, sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from '../auth/api-keys.js';
import { decodeOtlpJson, decodeOtlpProtobuf, type OtlpPoints } from '../protocols/otlp-decode.js';
import { MAX_DECODED_BYTES, type DecodeFailure } from '../protocols/remote-write-decode.js';
import { AS_PLAIN_OBJECT, ExportMetricsResponseType } from '../protocols/wire-schemas.js';
import { decodeErrorCode, decodeIssue, sendRefusal } from './push-errors.js';
import { acceptPushedPoints, type PushContext } from './push-samples.js';

type Encoding = 'protobuf' | 'json';

function encodingOf(request: FastifyRequest): Encoding | undefined {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type === 'application/x-protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** OTLP/HTTP allows gzip (the Collector's otlphttp exporter uses it by default). */
function inflate(request: FastifyRequest): Buffer | DecodeFailure {
  const raw = request.rawBody ?? Buffer.alloc(0);
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined || encoding === 'identity') return raw;
  if (encoding !== 'gzip') return { reason: 'invalid_gzip', detail: `unsupported Content-Encoding ${encoding}` };
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_DECODED_BYTES });
  } catch (err) {
    const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    return { reason: tooLarge ? 'decoded_too_large' : 'invalid_gzip', detail: (err as Error).message };
  }
}

/**
 * The OTLP answer, in the request's encoding: `ExportMetricsServiceResponse`,
 * with `partial_success` when values were refused (how many, and why, in both
 * languages). Ignored series (names outside the metric set) are not
 * "rejected": they were never meant for us (docs/conformance.md).
 */
function sendExportResponse(reply: FastifyReply, encoding: Encoding, body: MetricPushAccepted): FastifyReply {
  const partial =
    body.rejected > 0
      ? {
          partialSuccess: {
            rejectedDataPoints: body.rejected,
            errorMessage: (body.errors ?? [])
              .slice(0, 5)
              .map((e) => `${e.path}: ${e.message.vi} / ${e.message.en}`)
              .join('; '),
          },
        }
      : {};
  const message = ExportMetricsResponseType.fromObject(partial);
  if (encoding === 'json') {
    return reply.code(200).type('application/json').send(ExportMetricsResponseType.toObject(message, AS_PLAIN_OBJECT));
  }
  return reply
    .code(200)
    .type('application/x-protobuf')
    .send(Buffer.from(ExportMetricsResponseType.encode(message).finish()));
}

function decode(encoding: Encoding, bytes: Buffer): OtlpPoints | DecodeFailure {
  if (encoding === 'protobuf') return decodeOtlpProtobuf(bytes);
  const json = parseStrictJson(bytes);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { reason: 'invalid_otlp_json', detail: 'the body must be an ExportMetricsServiceRequest object' };
  }
  return decodeOtlpJson(json);
}

/**
 * `POST /v1/otlp/metrics`: OTLP/HTTP metrics, binary protobuf or JSON. Gauge
 * and sum data points are read; errors are the JSON error body of every other
 * route (bilingual, with the data point's path), status codes as OTLP expects
 * (400 not retried; 429 and 503 retried after Retry-After).
 */
export async function handleOtlpMetrics(
  ctx: PushContext,
  key: ApiKeyRecord,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const encoding = encodingOf(request);
  if (!encoding) {
    return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', {
      message: bilingual(
        'OTLP/HTTP cần Content-Type: application/x-protobuf hoặc application/json.',
        'OTLP/HTTP needs Content-Type: application/x-protobuf or application/json.',
      ),
    });
  }
  const bytes = inflate(request);
  if (!Buffer.isBuffer(bytes)) return sendError(reply, decodeErrorCode(bytes), { details: [decodeIssue(bytes)] });
  let decoded: OtlpPoints | DecodeFailure;
  try {
    decoded = decode(encoding, bytes);
  } catch (err) {
    if (err instanceof JsonTextError) return sendError(reply, 'INVALID_JSON', { details: [err.issue] });
    if (err instanceof SyntaxError) {
      const failure: DecodeFailure = { reason: 'invalid_otlp_json', detail: err.message };
      return sendError(reply, 'INVALID_JSON', { details: [decodeIssue(failure)] });
    }
    throw err;
  }
  if (!('points' in decoded)) return sendError(reply, decodeErrorCode(decoded), { details: [decodeIssue(decoded)] });
  const outcome = await acceptPushedPoints(ctx, request, key, {
    protocol: 'otlp',
    points: decoded.points,
    unsupportedMetrics: decoded.unsupportedMetrics,
  });
  if (outcome.kind === 'refused') return sendRefusal(reply, outcome);
  return sendExportResponse(reply, encoding, outcome.body);
}
