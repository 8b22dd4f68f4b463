import { INGEST_ROUTES, type CounterReport, type HealthSample } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { FaultTable } from '../oracle/tables.js';

/** One logical request of the load: sent, and if need be re-sent, with the same key and the same bytes. */
export interface PlannedRequest {
  idempotencyKey: string;
  path: string;
  token: string;
  body: string;
  table: FaultTable;
  eventIds: string[];
}

const registry = defaultRegistry();
const vendors = registry.vendors.map((v) => v.code).filter((code) => registry.systemsOfVendor(code).length > 0);
const provinces = registry.provinces.map((p) => p.code).filter((code) => registry.communesOf(code).length > 0);

const pick = <T>(items: readonly T[], n: number): T => {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

/**
 * Valid telemetry with unique, recognisable event ids (`<runId>-<n>`), so the
 * oracle can find exactly this run's rows. Alternates vendor health samples
 * and commune counter reports, spread over every system and commune.
 */
export class EventFactory {
  private n = 0;
  private requests = 0;

  constructor(
    readonly runId: string,
    private readonly tokens: Record<string, string>,
  ) {}

  next(eventsPerRequest: number): PlannedRequest {
    const r = this.requests++;
    return r % 2 === 0 ? this.samples(r, eventsPerRequest) : this.counters(r, eventsPerRequest);
  }

  private id(): string {
    return `${this.runId}-${(this.n++).toString(36)}`;
  }

  private samples(r: number, count: number): PlannedRequest {
    // One vendor per request: a vendor key may only report its own systems.
    const vendor = pick(vendors, r);
    const own = registry.systemsOfVendor(vendor);
    const now = Date.now();
    const events: HealthSample[] = Array.from({ length: count }, (_, i) => {
      const system = pick(own, r * count + i);
      const hot = (r + i) % 7 === 0;
      return {
        event_id: this.id(),
        vendor,
        system_id: system.id,
        unit_code: system.unitCode,
        observed_at: new Date(now - 1_000).toISOString(),
        uptime_pct: hot ? 80 : 99.9,
        cpu_pct: hot ? 98 : 35 + (i % 20),
        ram_pct: 55,
        net_in_bps: 1e6,
        net_out_bps: 5e5,
        response_ms: hot ? 9_000 : 120,
      };
    });
    return this.planned(INGEST_ROUTES.health_sample, `vendor-${vendor.toLowerCase()}`, 'health_samples', events);
  }

  private counters(r: number, count: number): PlannedRequest {
    const province = pick(provinces, r);
    const own = registry.communesOf(province);
    const now = Date.now();
    const events: CounterReport[] = Array.from({ length: count }, (_, i) => {
      const processed = 40 + ((r + i) % 30);
      const late = (r + i) % 5;
      return {
        event_id: this.id(),
        unit_code: pick(own, r * count + i).code,
        interval_end: new Date(now - 60_000).toISOString(),
        received: 100 + i,
        received_online: 60,
        processed,
        on_time: processed - late,
        late,
      };
    });
    return this.planned(INGEST_ROUTES.counter_report, `counter-p${province}`, 'counter_reports', events);
  }

  private planned(path: string, keyId: string, table: FaultTable, events: { event_id: string }[]): PlannedRequest {
    const token = this.tokens[keyId];
    if (!token) throw new Error(`no token for ${keyId}`);
    return {
      idempotencyKey: `${this.runId}-req-${this.requests}`,
      path,
      token,
      body: JSON.stringify({ events }),
      table,
      eventIds: events.map((e) => e.event_id),
    };
  }
}
