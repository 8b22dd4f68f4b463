import {
  SUBJECTS,
  type ApiErrorCode,
  type TelemetryBatchMessage,
  type TelemetryEventByKind,
  type TelemetryKind,
} from '@kh02/schemas';
import { BusFullError, BusUnavailableError } from '@kh02/platform';
import type { AcceptedOutcome, IngestDeps } from '../ingest-deps.js';

export interface PublishRequest<K extends TelemetryKind> {
  kind: K;
  keyId: string;
  /** The sender's Idempotency-Key, or one derived from the body (push protocols send none). */
  idempotencyKey: string;
  bodyHash: string;
  events: TelemetryEventByKind[K][];
  nowMs: number;
}

export type PublishResult =
  | { kind: 'published'; seq: number; duplicate: boolean; settle: (outcome: AcceptedOutcome | undefined) => void }
  /** A retry racing its first attempt: that attempt's answer, once it is durable. */
  | { kind: 'replayed'; outcome: AcceptedOutcome }
  | { kind: 'refused'; code: ApiErrorCode; retryAfterSec?: number };

/**
 * One request's accepted events as one bus message, through the idempotency
 * gate (same key + same body = the first answer; another body = 422), answered
 * only once the bus has acknowledged it (durable). The caller answers the
 * request and calls `settle` with what it answered.
 */
export async function publishEvents<K extends TelemetryKind>(
  deps: IngestDeps,
  req: PublishRequest<K>,
): Promise<PublishResult> {
  const msgId = `${req.keyId}:${req.idempotencyKey}`;
  const verdict = deps.idempotency.begin(msgId, req.bodyHash, req.nowMs);
  if (verdict.kind === 'conflict') return { kind: 'refused', code: 'IDEMPOTENCY_CONFLICT' };
  if (verdict.kind === 'same' && verdict.outcome) {
    const first = await verdict.outcome;
    if (first) return { kind: 'replayed', outcome: first };
  }
  const settle = verdict.kind === 'new' ? verdict.settle : () => undefined;

  const message: TelemetryBatchMessage = {
    v: 1,
    kind: req.kind,
    key_id: req.keyId,
    idempotency_key: req.idempotencyKey,
    received_at_ms: req.nowMs,
    events: req.events,
  };
  let ack;
  const publishStart = performance.now();
  try {
    ack = await deps.bus.publish(SUBJECTS.telemetry(req.kind), Buffer.from(JSON.stringify(message)), {
      msgId,
      digest: req.bodyHash,
      headers: { 'KH02-Key': req.keyId },
    });
    deps.metrics.published(req.kind, (performance.now() - publishStart) / 1000);
  } catch (err) {
    settle(undefined);
    if (err instanceof BusFullError) return { kind: 'refused', code: 'BUS_FULL', retryAfterSec: 30 };
    if (err instanceof BusUnavailableError) return { kind: 'refused', code: 'BUS_UNAVAILABLE', retryAfterSec: 2 };
    throw err;
  }
  if (ack.duplicate && ack.originalDigest !== undefined && ack.originalDigest !== req.bodyHash) {
    // The bus holds another body under this key (another ingest process, or before a restart).
    settle(undefined);
    return { kind: 'refused', code: 'IDEMPOTENCY_CONFLICT' };
  }
  return { kind: 'published', seq: ack.seq, duplicate: ack.duplicate, settle };
}
