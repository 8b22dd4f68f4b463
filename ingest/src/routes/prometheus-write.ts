import { bilingual } from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from '../auth/api-keys.js';
import { decodeRemoteWrite } from '../protocols/remote-write-decode.js';
import { decodeErrorCode, decodeIssue, sendRefusal } from './push-errors.js';
import { acceptPushedPoints, type PushContext } from './push-samples.js';

/**
 * `POST /v1/prometheus/write`: Prometheus remote-write 1.0 (snappy block
 * compression, protobuf `WriteRequest`). 200 once the samples are durable;
 * 400 for a body that does not decode or values that are all refused (the
 * spec: a 4xx is not retried, so only the sender's fix helps); 503 when the
 * bus cannot take it (retried with backoff, the same bytes: stored once).
 */
export async function handlePrometheusWrite(
  ctx: PushContext,
  key: ApiKeyRecord,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-protobuf') || request.headers['content-encoding'] !== 'snappy') {
    return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', {
      message: bilingual(
        'Prometheus remote-write cần Content-Type: application/x-protobuf và Content-Encoding: snappy.',
        'Prometheus remote-write needs Content-Type: application/x-protobuf and Content-Encoding: snappy.',
      ),
    });
  }
  const points = decodeRemoteWrite(request.rawBody ?? Buffer.alloc(0));
  if (!Array.isArray(points)) {
    return sendError(reply, decodeErrorCode(points), { details: [decodeIssue(points)] });
  }
  const outcome = await acceptPushedPoints(ctx, request, key, { protocol: 'prometheus', points });
  if (outcome.kind === 'refused') return sendRefusal(reply, outcome);
  return reply.code(200).send(outcome.body);
}
