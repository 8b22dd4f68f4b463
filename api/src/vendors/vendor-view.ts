import type { ChildTile, Ticket, UnitStatus, VendorAccountability, VendorRow } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { reportTimeliness, type ReportArrival } from './report-timeliness.js';
import { vendorTicketStats } from './ticket-metrics.js';

export interface VendorViewInput {
  registry: Pick<Registry, 'vendors' | 'systemsOfVendor'>;
  /** A system's tile now (its status), by id. */
  system: (id: string) => Pick<ChildTile, 'status'> | undefined;
  tickets: readonly Ticket[];
  arrivals: readonly (ReportArrival & { vendor: string })[];
  firstSeen: ReadonlyMap<string, string>;
  nowMs: number;
  windowDays: number;
  fromDate: string;
  toDate: string;
  dueLocal: string;
}

const count = (statuses: UnitStatus[], s: UnitStatus) => statuses.filter((x) => x === s).length;

/** Worst first: red systems, then breached tickets, then the share of reports on time (lower first). */
function worstFirst(a: VendorRow, b: VendorRow): number {
  return (
    b.systems_red - a.systems_red ||
    b.tickets.breached - a.tickets.breached ||
    (a.daily_reports.ratio ?? 1) - (b.daily_reports.ratio ?? 1) ||
    a.code.localeCompare(b.code)
  );
}

export function buildVendorView(i: VendorViewInput): VendorAccountability {
  const fromMs = i.nowMs - i.windowDays * 86_400_000;
  const vendors = i.registry.vendors.map((v): VendorRow => {
    const systems = i.registry.systemsOfVendor(v.code);
    const statuses = systems.map((s) => i.system(s.id)?.status ?? 'noreport');
    return {
      code: v.code,
      name: v.name,
      name_en: v.nameEn,
      systems: systems.length,
      systems_red: count(statuses, 'red'),
      systems_yellow: count(statuses, 'yellow'),
      systems_noreport: count(statuses, 'noreport'),
      red_systems: systems
        .filter((_, k) => statuses[k] === 'red')
        .map((s) => ({ id: s.id, name: s.name, name_en: s.nameEn, unit_code: s.unitCode })),
      tickets: vendorTicketStats(i.tickets, v.code, fromMs),
      daily_reports: reportTimeliness({
        systemIds: systems.map((s) => s.id),
        arrivals: i.arrivals.filter((a) => a.vendor === v.code),
        fromDate: i.fromDate,
        toDate: i.toDate,
        firstSeenDate: i.firstSeen.get(v.code) ?? null,
        dueLocal: i.dueLocal,
      }),
    };
  });
  return {
    generated_at: new Date(i.nowMs).toISOString(),
    window_days: i.windowDays,
    from_date: i.fromDate,
    to_date: i.toDate,
    report_due_local: i.dueLocal,
    vendors: vendors.sort(worstFirst),
  };
}
