import { randomUUID } from 'node:crypto';
import { addDays, vnLocalDate, vnMidnight, type TelemetryKind } from '@kh02/schemas';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The events of a request body: one event or `{ "events": [...] }`. */
export function eventsOf(body: unknown): Json[] {
  if (isObject(body) && Array.isArray(body.events)) return body.events.filter(isObject);
  return isObject(body) ? [body] : [];
}

/** Which contract a payload is, from its fields (or undefined when it is none of them). */
export function guessKind(body: unknown): TelemetryKind | undefined {
  const first = eventsOf(body)[0];
  if (!first) return undefined;
  if ('incident_id' in first) return 'incident_report';
  if ('report_date' in first) return 'health_report';
  if ('observed_at' in first) return 'health_sample';
  if ('interval_end' in first) return 'counter_report';
  return undefined;
}

function freshEvent(kind: TelemetryKind, e: Json, nowMs: number, runId: string, i: number, keepTimes: boolean): Json {
  const copy: Json = { ...e, event_id: `conf-${runId}-${i}` };
  if (keepTimes) return copy;
  if (kind === 'health_sample') copy.observed_at = new Date(nowMs - 30_000).toISOString();
  if (kind === 'counter_report') copy.interval_end = new Date(nowMs - 60_000).toISOString();
  if (kind === 'incident_report') copy.at = new Date(nowMs - 30_000).toISOString();
  if (kind === 'health_report') {
    // Yesterday, with every peak moved onto yesterday at the same local time of day.
    const yesterday = addDays(vnLocalDate(nowMs), -1);
    copy.report_date = yesterday;
    if (Array.isArray(e.peaks)) {
      copy.peaks = e.peaks.filter(isObject).map((p) => {
        const at = typeof p.at === 'string' ? Date.parse(p.at) : NaN;
        const timeOfDay = Number.isNaN(at)
          ? 12 * 3_600_000
          : (((at + 7 * 3_600_000) % 86_400_000) + 86_400_000) % 86_400_000;
        return { ...p, at: new Date(vnMidnight(yesterday) + timeOfDay).toISOString() };
      });
    }
  }
  return copy;
}

/**
 * The vendor's payload with new event ids and its times moved to now, so a
 * saved sample file can be replayed against the sandbox on any day without
 * tripping the time window or the duplicate checks. The shape, values,
 * codes and alerts stay exactly as the vendor wrote them.
 */
export function refreshPayload(
  kind: TelemetryKind,
  body: unknown,
  nowMs: number,
  runId = randomUUID().slice(0, 8),
  opts: { keepTimes?: boolean } = {},
): unknown {
  const events = eventsOf(body).map((e, i) => freshEvent(kind, e, nowMs, runId, i, opts.keepTimes ?? false));
  return isObject(body) && Array.isArray(body.events) ? { ...body, events } : events[0];
}
