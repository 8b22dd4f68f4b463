import type { ClickHouseClient } from '@clickhouse/client';
import type { ReportWindows } from './report-calendar.js';
import { IN_CUMULATIVE, IN_PERIOD, IN_PREVIOUS, windowParams, type WindowCounts } from './queries/windows-sql.js';

/** "3. Tình hình sự cố" for one unit: incidents opened by type, and incidents resolved. */
export interface IncidentCounts {
  technical: WindowCounts;
  process: WindowCounts;
  resolved: WindowCounts;
}

/**
 * Where the report gets incident counts from. The default reads the ticket
 * log in ClickHouse; anything else (a test double, another ticket system)
 * only has to answer per unit code.
 */
export interface IncidentCountsProvider {
  /** Counts per unit code, from events at or before the cut-off; `available: false` when there is no source. */
  countsByUnit(
    windows: ReportWindows,
    dataCutoffMs: number,
  ): Promise<{ available: boolean; byUnit: Map<string, IncidentCounts> }>;
}

/** Ticket event types (api/src/tickets/ticket-service.ts) the report relies on. */
export const TICKET_EVENT = { created: 'created', closed: 'closed', cancelled: 'cancelled' } as const;

interface IncidentRow {
  unit_code: string;
  technical_p: number;
  technical_q: number;
  technical_c: number;
  process_p: number;
  process_q: number;
  process_c: number;
  resolved_p: number;
  resolved_q: number;
  resolved_c: number;
}

const triple = (p: number, q: number, c: number): WindowCounts => ({ period: p, previous: q, cumulative: c });

/**
 * Incidents are work tickets of type 1 (technical) and type 2 (business
 * process, "nghiệp vụ") — seed 000 L597-617 — counted on the local day they
 * were created; "đã được xử lý" counts tickets of those types closed (verified
 * by the Center) on the day. Tickets cancelled by the cut-off (duplicates,
 * invalid) are not incidents at all.
 */
export class ClickHouseIncidentCounts implements IncidentCountsProvider {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly db: string,
  ) {}

  async countsByUnit(windows: ReportWindows, dataCutoffMs: number) {
    const byUnit = new Map<string, IncidentCounts>();
    if (!(await this.ticketLogExists())) return { available: false, byUnit };
    const opened = (type: number, day: (d: string) => string) =>
      `countIf(issue_type = ${type} AND ${day('created_day')})`;
    const rs = await this.client.query({
      query: `SELECT unit_code,
           ${opened(1, IN_PERIOD)} AS technical_p, ${opened(1, IN_PREVIOUS)} AS technical_q,
           ${opened(1, IN_CUMULATIVE)} AS technical_c,
           ${opened(2, IN_PERIOD)} AS process_p, ${opened(2, IN_PREVIOUS)} AS process_q,
           ${opened(2, IN_CUMULATIVE)} AS process_c,
           countIf(${IN_PERIOD('closed_day')}) AS resolved_p, countIf(${IN_PREVIOUS('closed_day')}) AS resolved_q,
           countIf(${IN_CUMULATIVE('closed_day')}) AS resolved_c
         FROM (
           SELECT ticket_id,
             anyIf(unit_code, event_type = '${TICKET_EVENT.created}') AS unit_code,
             toUInt8(anyIf(issue_type, event_type = '${TICKET_EVENT.created}')) AS issue_type,
             toDate(minIf(at, event_type = '${TICKET_EVENT.created}'), 'Asia/Ho_Chi_Minh') AS created_day,
             toDate(minIf(at, event_type = '${TICKET_EVENT.closed}'), 'Asia/Ho_Chi_Minh') AS closed_day,
             countIf(event_type = '${TICKET_EVENT.cancelled}') AS cancellations
           FROM ${this.db}.ticket_events
           WHERE at <= {cutoff:DateTime64(3, 'UTC')}
           GROUP BY ticket_id
           HAVING cancellations = 0 AND issue_type IN (1, 2) AND unit_code != '')
         GROUP BY unit_code
         ORDER BY unit_code`,
      query_params: windowParams(windows, dataCutoffMs),
      format: 'JSONEachRow',
    });
    for (const r of await rs.json<IncidentRow>()) {
      byUnit.set(r.unit_code, {
        technical: triple(r.technical_p, r.technical_q, r.technical_c),
        process: triple(r.process_p, r.process_q, r.process_c),
        resolved: triple(r.resolved_p, r.resolved_q, r.resolved_c),
      });
    }
    return { available: true, byUnit };
  }

  private async ticketLogExists(): Promise<boolean> {
    const rs = await this.client.query({
      query: `SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = 'ticket_events'`,
      query_params: { db: this.db },
      format: 'JSONEachRow',
    });
    const [row] = await rs.json<{ n: number }>();
    return (row?.n ?? 0) > 0;
  }
}
