/*
 * A ticket's history as one list, oldest first: the lifecycle steps the
 * ticket records a time for, the comments (reopen and cancel reasons are
 * comments too) and the attachments.
 */
import type { Ticket } from '@kh02/schemas';
import type { Lang } from '$lib/format/vn-format';
import { partyName } from './parties';

export type TimelineKind =
  'created' | 'assigned' | 'acknowledged' | 'started' | 'done' | 'closed' | 'cancelled' | 'comment' | 'attachment';

export interface TimelineEntry {
  kind: TimelineKind;
  at: string;
  /** Who, when the ticket records it. */
  by: string | null;
  text: string | null;
}

export function timeline(t: Ticket, lang: Lang): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ kind: 'created', at: t.created_at, by: t.created_by, text: t.title }];
  const step = (kind: TimelineKind, at: string | null, text: string | null = null) => {
    if (at) entries.push({ kind, at, by: null, text });
  };
  step('assigned', t.assigned_at, t.assignee ? partyName(t.assignee, lang) : null);
  step('acknowledged', t.acknowledged_at);
  step('started', t.started_at);
  step('done', t.done_at, t.result_report);
  step('closed', t.closed_at, t.verification_note);
  step('cancelled', t.cancelled_at);
  for (const c of t.comments) entries.push({ kind: 'comment', at: c.at, by: c.by_name, text: c.text });
  for (const a of t.attachments) entries.push({ kind: 'attachment', at: a.added_at, by: a.added_by, text: a.name });
  // Stable: a step and the comment written with it keep the order above.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}
