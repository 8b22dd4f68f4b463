import { WorkflowEventSchema } from '@kh02/schemas';
import type { BusMessage } from '@kh02/platform';
import type { Row } from './rows.js';

/** A workflow event (ticket, account, config change) becomes one audit_log row, verbatim. */
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
        before: JSON.stringify(e.before ?? {}),
        after: JSON.stringify(e.after ?? {}),
        data: JSON.stringify(e.data),
      },
    ],
  };
}
