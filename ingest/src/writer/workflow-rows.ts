import { WorkflowEventSchema } from '@kh02/schemas';
import type { BusMessage } from '@kh02/platform';
import type { Row } from './rows.js';

/** Secrets the event log needs for replay but the queryable audit log must never hold. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'secret', 'token']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]));
}

/** A workflow event (ticket, account, config change) becomes one audit_log row, secrets redacted. */
export function decodeWorkflow(msg: BusMessage): { table: string; rows: Row[] } {
  const e = WorkflowEventSchema.parse(JSON.parse(new TextDecoder().decode(msg.data)));
  return {
    table: 'audit_log',
    rows: [
      {
        seq: msg.seq,
        event_id: e.event_id,
        entity: e.entity,
        entity_id: e.entity_id,
        event_type: e.type,
        at: e.at,
        actor_id: e.actor.id,
        actor_role: e.actor.role,
        actor_name: e.actor.name,
        unit_code: e.unit_code,
        issue_type: e.issue_type,
        priority: e.priority,
        before: JSON.stringify(redact(e.before ?? {})),
        after: JSON.stringify(redact(e.after ?? {})),
        data: JSON.stringify(redact(e.data)),
      },
    ],
  };
}
