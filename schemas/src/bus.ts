import { z } from 'zod';
import { TELEMETRY_KINDS, type TelemetryEventByKind, type TelemetryKind } from './ingest/kinds.js';

/** Stream and subject names. Versioned in the name: a breaking change means v2. */
export const STREAMS = {
  telemetry: 'KH02_TELEMETRY',
  deadLetter: 'KH02_DLQ',
  /** Tickets, accounts and configuration changes: an event log that is also the audit trail. */
  workflow: 'KH02_WORKFLOW',
} as const;

export const SUBJECTS = {
  telemetryPrefix: 'kh02.telemetry.v1',
  telemetryAll: 'kh02.telemetry.v1.>',
  telemetry: (kind: TelemetryKind) => `kh02.telemetry.v1.${kind}`,
  deadLetterAll: 'kh02.dlq.v1.>',
  deadLetter: (origin: string) => `kh02.dlq.v1.${origin}`,
  workflowAll: 'kh02.workflow.v1.>',
  ticket: (ticketId: string) => `kh02.workflow.v1.ticket.${ticketId}`,
  account: (userId: string) => `kh02.workflow.v1.account.${userId}`,
  config: (name: string) => `kh02.workflow.v1.config.${name}`,
  exportAudit: (id: string) => `kh02.workflow.v1.export.${id}`,
  contact: (id: string) => `kh02.workflow.v1.contact.${id}`,
  /** One subject per delivery key (event × recipient × channel), so its outcome is recorded once. */
  notification: (key: string) => `kh02.workflow.v1.notification.${key}`,
  roster: (weekStart: string) => `kh02.workflow.v1.roster.${weekStart}`,
  maintenance: (id: string) => `kh02.workflow.v1.maintenance.${id}`,
  task: (id: string) => `kh02.workflow.v1.task.${id}`,
} as const;

export function kindFromSubject(subject: string): TelemetryKind | undefined {
  const kind = subject.slice(SUBJECTS.telemetryPrefix.length + 1);
  return (TELEMETRY_KINDS as readonly string[]).includes(kind) ? (kind as TelemetryKind) : undefined;
}

/**
 * One bus message per accepted HTTP request: the validated events plus who
 * sent them and when. Its bus msg-id is the request's idempotency key.
 */
export interface TelemetryBatchMessage<K extends TelemetryKind = TelemetryKind> {
  v: 1;
  kind: K;
  key_id: string;
  idempotency_key: string;
  received_at_ms: number;
  events: TelemetryEventByKind[K][];
}

/** Structural check used by consumers; the events were validated at ingest. */
export const TelemetryBatchEnvelopeSchema = z.object({
  v: z.literal(1),
  kind: z.enum(TELEMETRY_KINDS),
  key_id: z.string().min(1).max(64),
  idempotency_key: z.string().min(1).max(200),
  received_at_ms: z.number().int().positive(),
  // Objects are only checked to be objects: each consumer (writer, status feed) runs this on every
  // message, and a z.record would copy every key of every event that ingest already validated.
  events: z
    .array(z.custom<Record<string, unknown>>((e) => typeof e === 'object' && e !== null && !Array.isArray(e)))
    .min(1)
    .max(1000),
});
