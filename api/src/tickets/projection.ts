import type { AttachmentMeta, Party, WorkflowEvent } from '@kh02/schemas';
import type { CreatedTicket, StoredTicket } from './clocks.js';

/**
 * Folds ticket events into the current ticket. Applying the same sequence
 * twice is a no-op, so the local apply after a publish and the replica feed
 * can both deliver it.
 */
export function applyTicketEvent(
  tickets: Map<string, StoredTicket>,
  e: WorkflowEvent,
  seq: number,
): StoredTicket | undefined {
  const current = tickets.get(e.entity_id);
  if (e.type === 'created') {
    if (current) return current;
    const created: StoredTicket = {
      ...(e.data.ticket as CreatedTicket),
      // Tickets created before persons could be named carry no such field.
      assignee_person: (e.data.ticket as Partial<CreatedTicket>).assignee_person ?? null,
      created_by_name: e.actor.name,
      history: [step(e, 'created')],
      version: seq,
    };
    tickets.set(e.entity_id, created);
    return created;
  }
  if (!current || seq <= current.version) return current;
  const t: StoredTicket = { ...current, version: seq };
  const after = e.after ?? {};
  if (typeof after.status === 'string') t.status = after.status as StoredTicket['status'];
  t.history = [...t.history, step(e, t.status)];
  const byAssignee =
    e.actor.role === 'vendor_focal' || e.actor.role === 'unit_focal' || e.actor.role === 'working_group';
  switch (e.type) {
    case 'assigned':
      t.assignee = e.data.assignee as Party;
      t.assignee_person = (e.data.person as StoredTicket['assignee_person'] | undefined) ?? null;
      t.collaborators = (e.data.collaborators as Party[]) ?? [];
      t.assigned_at = e.at;
      // A new assignee starts a fresh acknowledgement.
      t.acknowledged_at = null;
      t.started_at = null;
      if (typeof e.data.deadline === 'string') t.deadline = e.data.deadline;
      break;
    case 'person_assigned':
      t.assignee_person = e.data.person as StoredTicket['assignee_person'];
      break;
    case 'acknowledged':
      t.acknowledged_at = e.at;
      t.last_response_at = e.at;
      break;
    case 'started':
      t.started_at = e.at;
      t.last_response_at = e.at;
      break;
    case 'commented':
      t.comments = [...t.comments, { at: e.at, by: e.actor.id, by_name: e.actor.name, text: String(e.data.text) }];
      if (byAssignee) t.last_response_at = e.at;
      break;
    case 'attachment_added':
      t.attachments = [...t.attachments, e.data.attachment as AttachmentMeta];
      if (byAssignee) t.last_response_at = e.at;
      break;
    case 'done_reported':
      t.done_at = e.at;
      t.result_report = String(e.data.result_report);
      t.last_response_at = e.at;
      break;
    case 'closed':
      t.closed_at = e.at;
      t.verification_note = String(e.data.verification_note);
      break;
    case 'reopened':
      t.done_at = null;
      t.comments = [
        ...t.comments,
        { at: e.at, by: e.actor.id, by_name: e.actor.name, text: `[Mở lại / Reopened] ${String(e.data.reason)}` },
      ];
      break;
    case 'cancelled':
      t.cancelled_at = e.at;
      t.comments = [
        ...t.comments,
        { at: e.at, by: e.actor.id, by_name: e.actor.name, text: `[Hủy / Cancelled] ${String(e.data.reason)}` },
      ];
      break;
    default:
      break;
  }
  tickets.set(t.id, t);
  return t;
}

function step(e: WorkflowEvent, status: StoredTicket['status']): StoredTicket['history'][number] {
  return {
    at: e.at,
    type: e.type,
    actor: { id: e.actor.id, name: e.actor.name, role: e.actor.role },
    status,
    note: stepNote(e),
    assignee: e.type === 'assigned' ? (e.data.assignee as Party) : null,
  };
}

/** The text a step carries, from the field its event type writes. */
function stepNote(e: WorkflowEvent): string | null {
  const d = e.data;
  const text = d.text ?? d.result_report ?? d.verification_note ?? d.reason;
  if (typeof text === 'string') return text;
  if (e.type === 'attachment_added') return (d.attachment as AttachmentMeta).name;
  // A hand-over's step names the person it went to (an assignment's step names the party).
  if (e.type === 'person_assigned') return (d.person as { name: string }).name;
  return null;
}
