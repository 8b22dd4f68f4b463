import { validateBatch, vnLocalDate } from '@kh02/schemas';
import { COUNTER_SOURCES, type IngestRequest } from '../../scenarios/index.js';

const provinceOf = new Map(COUNTER_SOURCES.flatMap(([p, , codes]) => codes.map((c) => [c, p] as const)));

export type NaiveRow = Record<string, unknown> & { event_id: string };

/**
 * A request's events as rows of its ClickHouse table, with the columns the
 * writer adds (key, receive time, province and local date for counters).
 */
export function rowsOfRequest(req: IngestRequest, now: number): { table: string; rows: NaiveRow[] } {
  const v = validateBatch(req.kind, JSON.parse(req.body) as unknown, now);
  const common = { key_id: req.keyId, received_at: new Date(now).toISOString(), bus_seq: 0 };
  const rows = v.accepted.map(({ event }): NaiveRow =>
    'interval_end' in event
      ? {
          ...event,
          ...common,
          province_code: provinceOf.get(event.unit_code) ?? '',
          report_date: vnLocalDate(Date.parse(event.interval_end)),
        }
      : { ...event, ...common },
  );
  return { table: req.kind === 'counter_report' ? 'kh02.counter_reports' : 'kh02.health_samples', rows };
}
