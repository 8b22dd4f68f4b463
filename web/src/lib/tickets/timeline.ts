/*
 * A ticket's history as one list, oldest first, from the steps the api
 * records (who did what, the status after it, and what was written in it).
 * Comments and attachments are also matched to their step by time and author,
 * so that one the steps do not account for is still listed, never hidden.
 */
import type { Ticket, TicketStatus } from '@kh02/schemas';
import type { Lang } from '@kh02/schemas';
import { partyName } from './parties';

/** Step types the wall has words for; the api may add others, shown by their type. */
export const STEP_KINDS = [
  'created',
  'assigned',
  'acknowledged',
  'started',
  'done_reported',
  'closed',
  'reopened',
  'cancelled',
  'commented',
  'attachment_added',
  'person_assigned',
  'escalated',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const KNOWN: ReadonlySet<string> = new Set(STEP_KINDS);
export const isStepKind = (type: string): type is StepKind => KNOWN.has(type);

export interface TimelineEntry {
  /** The api's step type (StepKind when the wall knows it). */
  type: string;
  at: string;
  /** Who did it. */
  by: string | null;
  /** The ticket's status after the step; null for a comment or file not found among the steps. */
  status: TicketStatus | null;
  text: string | null;
}

const COMMENT_STEPS: ReadonlySet<string> = new Set(['commented', 'reopened', 'cancelled']);

export function timeline(t: Ticket, lang: Lang): TimelineEntry[] {
  const comments = t.comments.map((c) => ({ at: c.at, by: c.by, name: c.by_name, text: c.text }));
  const files = t.attachments.map((a) => ({ at: a.added_at, by: a.added_by, name: a.added_by, text: a.name }));
  /** Takes the first item written at `at` by `actor` out of `pool`. */
  const take = (pool: typeof comments, at: string, actor: string) => {
    const i = pool.findIndex((x) => x.at === at && x.by === actor);
    return i < 0 ? null : (pool.splice(i, 1)[0]?.text ?? null);
  };
  const entries: TimelineEntry[] = t.history.map((s) => {
    const pooled = COMMENT_STEPS.has(s.type)
      ? take(comments, s.at, s.actor.id)
      : s.type === 'attachment_added'
        ? take(files, s.at, s.actor.id)
        : null;
    const text =
      s.type === 'created'
        ? t.title
        : s.type === 'assigned' && s.assignee
          ? partyName(s.assignee, lang)
          : (s.note ?? pooled);
    return { type: s.type, at: s.at, by: s.actor.name, status: s.status, text };
  });
  // Anything no step accounts for is still shown, so nothing written on the ticket is hidden.
  for (const c of comments) entries.push({ type: 'commented', at: c.at, by: c.name, status: null, text: c.text });
  for (const f of files) entries.push({ type: 'attachment_added', at: f.at, by: f.name, status: null, text: f.text });
  // Stable: steps recorded in the same millisecond keep the api's order.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}
