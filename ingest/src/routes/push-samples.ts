import { createHash } from 'node:crypto';
import {
  bilingual,
  MAX_EVENTS_PER_REQUEST,
  type ApiErrorCode,
  type FieldIssue,
  type MetricPushAccepted,
} from '@kh02/schemas';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRecord } from '../auth/api-keys.js';
import type { IngestDeps } from '../ingest-deps.js';
import { assembleSamples } from '../protocols/assemble-samples.js';
import type { MetricPoint, PushProtocol } from '../protocols/metric-point.js';
import type { PushMetrics } from '../protocols/push-metrics.js';
import { publishEvents } from './publish-events.js';

/** What every push handler needs: the ingest dependencies and the push counters. */
export interface PushContext {
  deps: IngestDeps;
  pushMetrics: PushMetrics;
}

export type PushOutcome =
  | { kind: 'accepted'; body: MetricPushAccepted }
  | { kind: 'refused'; code: ApiErrorCode; details?: FieldIssue[]; retryAfterSec?: number };

/** At most this many issues go back in one answer (a whole misconfigured Prometheus would send thousands). */
const MAX_ISSUES = 100;

function tooManySamples(n: number): FieldIssue {
  return {
    path: '(body)',
    reason: 'too_many_events',
    message: bilingual(
      `Một lần gửi tạo ${n} mẫu, tối đa ${MAX_EVENTS_PER_REQUEST}; hãy giảm max_samples_per_send (Prometheus) hoặc kích thước lô (OTel).`,
      `One push made ${n} samples, at most ${MAX_EVENTS_PER_REQUEST}; lower max_samples_per_send (Prometheus) or the batch size (OTel).`,
    ),
  };
}

/**
 * Pushed series → health samples → the bus, with the JSON API's guarantees:
 * the key's scope is all-or-nothing (403), refused values are never stored,
 * nothing is answered 2xx before the samples are durable, and a retry of the
 * same body (Prometheus and OTel exporters resend it byte for byte) is the
 * same bus message and the same event ids, so it is stored once.
 */
export async function acceptPushedPoints(
  { deps, pushMetrics }: PushContext,
  request: FastifyRequest,
  key: ApiKeyRecord,
  push: { protocol: PushProtocol; points: readonly MetricPoint[]; unsupportedMetrics?: number },
): Promise<PushOutcome> {
  const nowMs = deps.now();
  const assembled = assembleSamples(push.points, {
    key,
    registry: deps.registry,
    protocol: push.protocol,
    nowMs,
    timeWindow: deps.timeWindow,
    ...(push.unsupportedMetrics ? { unsupportedMetrics: push.unsupportedMetrics } : {}),
  });
  if (assembled.forbidden.length > 0) {
    return { kind: 'refused', code: 'FORBIDDEN_SCOPE', details: assembled.forbidden.slice(0, MAX_ISSUES) };
  }
  const { samples, issues } = assembled;
  if (samples.length > MAX_EVENTS_PER_REQUEST) {
    return { kind: 'refused', code: 'VALIDATION_FAILED', details: [tooManySamples(samples.length)] };
  }
  pushMetrics.leftAside(push.protocol, issues.length, assembled.ignored);
  if (samples.length === 0 && issues.length > 0) {
    return { kind: 'refused', code: 'VALIDATION_FAILED', details: issues.slice(0, MAX_ISSUES) };
  }
  const body: MetricPushAccepted = {
    status: samples.length === 0 ? 'nothing_to_store' : issues.length > 0 ? 'partial' : 'accepted',
    accepted: samples.length,
    rejected: issues.length,
    duplicate: false,
    bus_seq: null,
    series: { values: push.points.length, used: assembled.used, ignored: assembled.ignored },
    ...(issues.length > 0 ? { errors: issues.slice(0, MAX_ISSUES) } : {}),
  };
  if (samples.length === 0) return { kind: 'accepted', body };

  const bodyHash = createHash('sha256')
    .update(request.rawBody ?? '')
    .digest('hex');
  const published = await publishEvents(deps, {
    kind: 'health_sample',
    keyId: key.id,
    // Push protocols carry no Idempotency-Key: the body is the key (retries resend the same bytes).
    idempotencyKey: `${push.protocol}-${bodyHash.slice(0, 48)}`,
    bodyHash,
    events: samples,
    nowMs,
  });
  if (published.kind === 'refused') {
    return {
      kind: 'refused',
      code: published.code,
      ...(published.retryAfterSec ? { retryAfterSec: published.retryAfterSec } : {}),
    };
  }
  if (published.kind === 'replayed') {
    return { kind: 'accepted', body: { ...body, duplicate: true, bus_seq: published.outcome.body.bus_seq } };
  }
  deps.metrics.accepted('health_sample', samples.length, issues.length, published.duplicate);
  if (!published.duplicate) pushMetrics.used(push.protocol, assembled.used);
  published.settle({
    code: 202,
    body: {
      status: 'accepted',
      accepted: samples.length,
      rejected: issues.length,
      duplicate: false,
      bus_seq: published.seq,
    },
  });
  return { kind: 'accepted', body: { ...body, duplicate: published.duplicate, bus_seq: published.seq } };
}
