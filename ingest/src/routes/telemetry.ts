import { createHash } from 'node:crypto';
import {
  INGEST_ROUTES,
  TELEMETRY_KINDS,
  validateBatch,
  type FieldIssue,
  type IngestAccepted,
  type TelemetryKind,
} from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkScope } from '../auth/scope.js';
import type { AcceptedOutcome, IngestDeps } from '../ingest-deps.js';
import { publishEvents } from './publish-events.js';

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

  const bodyHash = createHash('sha256')
    .update(request.rawBody ?? '')
    .digest('hex');
  const published = await publishEvents(deps, {
    kind,
    keyId: auth.key.id,
    idempotencyKey,
    bodyHash,
    events: accepted.map((r) => r.event),
    nowMs,
  });
  if (published.kind === 'refused') {
    return sendError(reply, published.code, published.retryAfterSec ? { retryAfterSec: published.retryAfterSec } : {});
  }
  if (published.kind === 'replayed') {
    return sendAccepted(reply, { ...published.outcome, body: { ...published.outcome.body, duplicate: true } });
  }
  const { settle } = published;
  const ack = { seq: published.seq, duplicate: published.duplicate };
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
