import { randomUUID } from 'node:crypto';
import type { CounterReport, HealthReport, HealthSample } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';

const registry = defaultRegistry();

function provinceSystemOf(vendor: string) {
  const system = registry.systemsOfVendor(vendor).find((s) => /^\d{2}$/.test(s.unitCode));
  if (!system) throw new Error(`no provincial system operated by ${vendor}`);
  return system;
}

/** A provincial system operated by VNPT, and one operated by Viettel (for scope tests). */
export const VNPT_SYSTEM = provinceSystemOf('VNPT');
export const VIETTEL_SYSTEM = provinceSystemOf('VIETTEL');
/** A commune-level unit of Hà Nội and one of TP. Hồ Chí Minh. */
export const HANOI_COMMUNE = registry.communesOf('01')[0]?.code ?? '01001';
export const HCMC_COMMUNE = registry.communesOf('79')[0]?.code ?? '79001';

/** 16:00 in Hà Nội: a working afternoon, one hour before the 17:00 briefing. */
export const NOW = Date.parse('2026-11-23T09:00:00Z');

export function sample(overrides: Partial<HealthSample> = {}): HealthSample {
  return {
    event_id: randomUUID(),
    vendor: 'VNPT',
    system_id: VNPT_SYSTEM.id,
    unit_code: VNPT_SYSTEM.unitCode,
    observed_at: new Date(NOW - 60_000).toISOString(),
    uptime_pct: 99.9,
    cpu_pct: 42.5,
    ram_pct: 61,
    net_in_bps: 12_000_000,
    net_out_bps: 8_000_000,
    response_ms: 180,
    ...overrides,
  };
}

export function counter(overrides: Partial<CounterReport> = {}): CounterReport {
  return {
    event_id: randomUUID(),
    unit_code: HANOI_COMMUNE,
    interval_end: new Date(NOW - 5 * 60_000).toISOString(),
    received: 120,
    received_online: 100,
    processed: 90,
    on_time: 89,
    late: 1,
    ...overrides,
  };
}

export function dailyReport(overrides: Partial<HealthReport> = {}): HealthReport {
  return {
    event_id: randomUUID(),
    vendor: 'VNPT',
    system_id: VNPT_SYSTEM.id,
    unit_code: VNPT_SYSTEM.unitCode,
    report_date: '2026-11-22',
    uptime_pct: 99.95,
    peaks: [{ at: '2026-11-22T03:00:00Z', cpu_pct: 81, ram_pct: 70, net_in_bps: 5e7, net_out_bps: 3e7 }],
    ...overrides,
  };
}
