import { createHash } from 'node:crypto';
import {
  INGEST_ROUTES,
  SUBJECTS,
  TELEMETRY_KINDS,
  validateBatch,
  type FieldIssue,
  type IngestAccepted,
  type TelemetryBatchMessage,
  type TelemetryKind,
} from '@kh02/schemas';
import { BusFullError, BusUnavailableError, sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkScope } from '../auth/scope.js';
import type { AcceptedOutcome, IngestDeps } from '../ingest-deps.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function forbiddenRows(issues: FieldIssue[]): FieldIssue[] {
  return issues.slice(0, 100);
}

async function handle(kind: TelemetryKind, deps: IngestDeps, request: FastifyRequest, reply: FastifyReply) {
  const auth = request.auth;
  if (!auth) return sendError(reply, 'UNAUTHENTICATED');
  const idempotencyKey = request.headers['idempotency-key'];
  if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return sendError(reply, 'MISSING_IDEMPOTENCY_KEY');
  }
  const nowMs = deps.now();
  const validation = validateBatch(kind, request.body, nowMs, deps.timeWindow);
  if (validation.envelopeIssues.length > 0) {
    return sendError(reply, 'VALIDATION_FAILED', { details: validation.envelopeIssues });
  }

  // Authorization is all-or-nothing: one row outside the key's scope rejects the request.
  const forbidden: FieldIssue[] = [];
  const accepted = [];
  const rejected = [...validation.rejected];
  for (const row of validation.accepted) {
    const verdict = checkScope(kind, auth.key, row.event, deps.registry);
    const prefix = validation.batch ? `events[${row.index}].` : '';
    if (verdict.kind === 'forbidden')
      forbidden.push({ ...verdict.issue, index: row.index, path: prefix + verdict.issue.path });
    else if (verdict.kind === 'invalid') {
      rejected.push({
        index: row.index,
        event_id: row.event.event_id,
        issues: [{ ...verdict.issue, index: row.index, path: prefix + verdict.issue.path }],
      });
    } else accepted.push(row);
  }
  if (forbidden.length > 0) return sendError(reply, 'FORBIDDEN_SCOPE', { details: forbiddenRows(forbidden) });
  rejected.sort((a, b) => a.index - b.index);
  if (accepted.length === 0) {
    return sendError(reply, 'VALIDATION_FAILED', { details: rejected.flatMap((r) => r.issues) });
  }

  const msgId = `${auth.key.id}:${idempotencyKey}`;
  const bodyHash = createHash('sha256')
    .update(request.rawBody ?? '')
    .digest('hex');
  const verdict = deps.idempotency.begin(msgId, bodyHash, nowMs);
  if (verdict.kind === 'conflict') return sendError(reply, 'IDEMPOTENCY_CONFLICT');
  if (verdict.kind === 'same' && verdict.outcome) {
    // A retry racing its own first attempt: answer what the first one answered, once it is durable.
    const first = await verdict.outcome;
    if (first) return sendAccepted(reply, { ...first, body: { ...first.body, duplicate: true } });
  }
  const settle = verdict.kind === 'new' ? verdict.settle : () => undefined;

  const message: TelemetryBatchMessage = {
    v: 1,
    kind,
    key_id: auth.key.id,
    idempotency_key: idempotencyKey,
    received_at_ms: nowMs,
    events: accepted.map((r) => r.event),
  };
  let ack;
  const publishStart = performance.now();
  try {
    ack = await deps.bus.publish(SUBJECTS.telemetry(kind), Buffer.from(JSON.stringify(message)), {
      msgId,
      digest: bodyHash,
      headers: { 'KH02-Key': auth.key.id },
    });
    deps.metrics.published(kind, (performance.now() - publishStart) / 1000);
  } catch (err) {
    settle(undefined);
    if (err instanceof BusFullError) return sendError(reply, 'BUS_FULL', { retryAfterSec: 30 });
    if (err instanceof BusUnavailableError) return sendError(reply, 'BUS_UNAVAILABLE', { retryAfterSec: 2 });
    throw err;
  }
  if (ack.duplicate && ack.originalDigest !== undefined && ack.originalDigest !== bodyHash) {
    // The bus holds another body under this key (another ingest process, or before a restart).
    settle(undefined);
    return sendError(reply, 'IDEMPOTENCY_CONFLICT');
  }
  deps.metrics.accepted(kind, accepted.length, rejected.length, ack.duplicate);

  const body: IngestAccepted = {
    status: rejected.length === 0 ? 'accepted' : 'partial',
    accepted: accepted.length,
    rejected: rejected.length,
    duplicate: ack.duplicate,
    bus_seq: ack.seq,
  };
  if (rejected.length > 0) {
    body.results = [
      ...accepted.map((r) => ({ index: r.index, event_id: r.event.event_id, status: 'accepted' as const })),
      ...rejected.map((r) => ({
        index: r.index,
        ...(r.event_id ? { event_id: r.event_id } : {}),
        status: 'rejected' as const,
        errors: r.issues,
      })),
    ].sort((a, b) => a.index - b.index);
  }
  const outcome: AcceptedOutcome = { code: rejected.length === 0 ? 202 : 207, body };
  settle(outcome);
  return sendAccepted(reply, outcome);
}

function sendAccepted(reply: FastifyReply, outcome: AcceptedOutcome): FastifyReply {
  if (outcome.body.duplicate) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.code).send(outcome.body);
}

export function registerTelemetryRoutes(app: FastifyInstance, deps: IngestDeps): void {
  for (const kind of TELEMETRY_KINDS) {
    app.post(INGEST_ROUTES[kind], { config: { apiKey: true, telemetryKind: kind } }, (request, reply) =>
      handle(kind, deps, request, reply),
    );
  }
}
