import { randomUUID } from 'node:crypto';
import type { CounterReport, HealthSample, TelemetryBatchMessage } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { DEFAULT_STATUS_CONFIG, StatusEngine, type StatusEngineDeps, type WorkingCalendarPort } from '@kh02/api';

export const registry = defaultRegistry();

/** Monday 2026-11-23, 15:00 in Hà Nội (08:00 UTC). */
export const MONDAY_15H = Date.parse('2026-11-23T08:00:00Z');

/** Weekdays are working days, 07:30–11:30 and 13:30–17:00 (enough for status tests; SLA tests use the real calendar). */
export const weekdayCalendar: WorkingCalendarPort = {
  isWorkingDay: (d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd >= 1 && wd <= 5;
  },
  isWorkingInstant: (ms) => {
    const local = new Date(ms + 7 * 3_600_000);
    const wd = local.getUTCDay();
    const m = local.getUTCHours() * 60 + local.getUTCMinutes();
    return wd >= 1 && wd <= 5 && ((m >= 450 && m < 690) || (m >= 810 && m < 1020));
  },
};

export function makeEngine(now: { value: number }, ports: Pick<StatusEngineDeps, 'tickets' | 'maintenance'> = {}) {
  return new StatusEngine({
    registry,
    config: DEFAULT_STATUS_CONFIG,
    calendar: weekdayCalendar,
    now: () => now.value,
    ...ports,
  });
}

export const provinceSystem = (province: string, kind = 'tthc') => {
  const s = registry.systemsOf(province).find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} system in ${province}`);
  return s;
};

export function sampleMsg(events: Partial<HealthSample>[], receivedAt: number): TelemetryBatchMessage<'health_sample'> {
  return {
    v: 1,
    kind: 'health_sample',
    key_id: 'test',
    idempotency_key: randomUUID(),
    received_at_ms: receivedAt,
    events: events.map((e) => {
      const system = e.system_id ? registry.system(e.system_id) : undefined;
      return {
        event_id: randomUUID(),
        vendor: system?.vendorCode ?? 'VNPT',
        system_id: system?.id ?? 'x',
        unit_code: system?.unitCode ?? '01',
        observed_at: new Date(receivedAt).toISOString(),
        uptime_pct: 100,
        cpu_pct: 30,
        ram_pct: 50,
        net_in_bps: 1e6,
        net_out_bps: 1e6,
        ...e,
      };
    }),
  };
}

export function counterMsg(
  events: Partial<CounterReport>[],
  receivedAt: number,
): TelemetryBatchMessage<'counter_report'> {
  return {
    v: 1,
    kind: 'counter_report',
    key_id: 'test',
    idempotency_key: randomUUID(),
    received_at_ms: receivedAt,
    events: events.map((e) => ({
      event_id: randomUUID(),
      unit_code: '01001',
      interval_end: new Date(receivedAt).toISOString(),
      received: 100,
      received_online: 90,
      processed: 100,
      on_time: 100,
      late: 0,
      ...e,
    })),
  };
}

/** Every commune-level unit of a province reports healthy counts at `at`. */
export function healthyProvinceCounters(province: string, at: number, overrides: Partial<CounterReport> = {}) {
  return counterMsg(
    registry.communesOf(province, { includeCentre: true }).map((c) => ({ unit_code: c.code, ...overrides })),
    at,
  );
}

/** Every system of a unit reports a healthy sample at `at`. */
export function healthyUnitSamples(unit: string, at: number) {
  return sampleMsg(
    registry.systemsOf(unit).map((s) => ({ system_id: s.id })),
    at,
  );
}
