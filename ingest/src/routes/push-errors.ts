import { bilingual, type ApiErrorCode, type FieldIssue } from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyReply } from 'fastify';
import type { DecodeFailure } from '../protocols/remote-write-decode.js';
import type { PushOutcome } from './push-samples.js';

/** A body that does not decode: which layer failed and why, in both languages. */
export function decodeIssue(failure: DecodeFailure): FieldIssue {
  const messages: Record<DecodeFailure['reason'], [string, string]> = {
    invalid_snappy: [
      'Nội dung không phải dữ liệu nén snappy (dạng block) hợp lệ',
      'The body is not a valid snappy (block format) stream',
    ],
    invalid_gzip: ['Nội dung không phải dữ liệu nén gzip hợp lệ', 'The body is not a valid gzip stream'],
    decoded_too_large: ['Nội dung sau giải nén vượt quá 16 MiB', 'The body decompresses to more than 16 MiB'],
    invalid_protobuf: ['Nội dung không phải thông điệp protobuf hợp lệ', 'The body is not a valid protobuf message'],
    invalid_otlp_json: ['Nội dung không đúng ánh xạ JSON của OTLP', 'The body does not follow the OTLP JSON mapping'],
    too_many_series: ['Quá nhiều chuỗi số liệu trong một lần gửi', 'Too many series in one push'],
  };
  const [vi, en] = messages[failure.reason];
  return {
    path: '(body)',
    reason: failure.reason,
    message: bilingual(`${vi}: ${failure.detail}.`, `${en}: ${failure.detail}.`),
  };
}

export function decodeErrorCode(failure: DecodeFailure): ApiErrorCode {
  if (failure.reason === 'decoded_too_large') return 'PAYLOAD_TOO_LARGE';
  return failure.reason === 'too_many_series' ? 'VALIDATION_FAILED' : 'INVALID_PROTOBUF';
}

/** Refusals as the JSON error body (Prometheus logs it; 4xx = dropped, 5xx/429 = retried). */
export function sendRefusal(reply: FastifyReply, outcome: Extract<PushOutcome, { kind: 'refused' }>): FastifyReply {
  return sendError(reply, outcome.code, {
    ...(outcome.details ? { details: outcome.details } : {}),
    ...(outcome.retryAfterSec ? { retryAfterSec: outcome.retryAfterSec } : {}),
  });
}
