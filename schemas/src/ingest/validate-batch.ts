import { bilingual } from '../i18n.js';
import { formatPath, toFieldIssues, type FieldIssue } from './issues.js';
import { EVENT_SCHEMAS, MAX_EVENTS_PER_REQUEST, type TelemetryEventByKind, type TelemetryKind } from './kinds.js';
import { DEFAULT_TIME_WINDOW, timeWindowIssues, type TimeWindowPolicy } from './time-window.js';

export interface AcceptedRow<K extends TelemetryKind> {
  index: number;
  event: TelemetryEventByKind[K];
}

export interface RejectedRow {
  index: number;
  event_id?: string;
  issues: FieldIssue[];
}

export interface BatchValidation<K extends TelemetryKind> {
  /** True when the body used the `{ "events": [...] }` form. */
  batch: boolean;
  /** Problems with the request shape itself; when present no row is considered. */
  envelopeIssues: FieldIssue[];
  accepted: AcceptedRow<K>[];
  rejected: RejectedRow[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function envelopeOnly<K extends TelemetryKind>(issue: FieldIssue): BatchValidation<K> {
  return { batch: false, envelopeIssues: [issue], accepted: [], rejected: [] };
}

/** Splits a request body into events: one event object, or `{ "events": [ ... ] }`. */
function extractEvents(body: unknown): { events: unknown[]; batch: boolean } | FieldIssue {
  if (!isPlainObject(body)) {
    return {
      path: '(root)',
      reason: 'invalid_body',
      message: bilingual(
        'Nội dung phải là một sự kiện (đối tượng JSON) hoặc { "events": [ ... ] }.',
        'Body must be one event (a JSON object) or { "events": [ ... ] }.',
      ),
    };
  }
  if (!('events' in body)) return { events: [body], batch: false };
  const extra = Object.keys(body).filter((k) => k !== 'events');
  if (extra.length > 0) {
    return {
      path: extra[0] ?? '(root)',
      reason: 'unknown_field',
      message: bilingual(`Trường không được phép: ${extra.join(', ')}.`, `Unknown field(s): ${extra.join(', ')}.`),
    };
  }
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) {
    return {
      path: 'events',
      reason: 'invalid_batch',
      message: bilingual(
        '"events" phải là mảng có ít nhất 1 sự kiện.',
        '"events" must be an array with at least 1 event.',
      ),
    };
  }
  if (events.length > MAX_EVENTS_PER_REQUEST) {
    return {
      path: 'events',
      reason: 'too_many_events',
      message: bilingual(
        `Mỗi yêu cầu tối đa ${MAX_EVENTS_PER_REQUEST} sự kiện (nhận ${events.length}); hãy chia nhỏ lô.`,
        `At most ${MAX_EVENTS_PER_REQUEST} events per request (got ${events.length}); split the batch.`,
      ),
    };
  }
  return { events, batch: true };
}

/**
 * Validates every event on its own so one bad reading never hides the others:
 * schema, time window, and event ids repeated inside the same request.
 */
export function validateBatch<K extends TelemetryKind>(
  kind: K,
  body: unknown,
  nowMs: number,
  policy: TimeWindowPolicy = DEFAULT_TIME_WINDOW,
): BatchValidation<K> {
  const extracted = extractEvents(body);
  if (!('events' in extracted)) return envelopeOnly(extracted);
  const { events, batch } = extracted;
  const schema = EVENT_SCHEMAS[kind];
  const seen = new Set<string>();
  const result: BatchValidation<K> = { batch, envelopeIssues: [], accepted: [], rejected: [] };

  events.forEach((raw, index) => {
    const prefix = batch ? `events[${index}]` : '';
    const rawId = isPlainObject(raw) && typeof raw.event_id === 'string' ? raw.event_id : undefined;
    // reportInput lets the error translator tell a missing field from a wrong type.
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      result.rejected.push({
        index,
        event_id: rawId,
        issues: toFieldIssues(parsed.error, { index, pathPrefix: prefix }),
      });
      return;
    }
    const event = parsed.data;
    const issues = timeWindowIssues(kind, event, nowMs, policy).map((i) => ({
      ...i,
      index,
      path: prefix === '' ? i.path : `${prefix}.${i.path}`,
    }));
    if (seen.has(event.event_id)) {
      issues.push({
        index,
        path: formatPath(['event_id'], prefix),
        reason: 'duplicate_event_id',
        message: bilingual('event_id bị lặp lại trong cùng yêu cầu.', 'event_id is repeated within the request.'),
      });
    }
    seen.add(event.event_id);
    if (issues.length > 0) result.rejected.push({ index, event_id: event.event_id, issues });
    else result.accepted.push({ index, event });
  });
  return result;
}
