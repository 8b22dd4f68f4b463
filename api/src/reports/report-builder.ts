import type { Registry } from '@kh02/schemas/registry';
import type { IncidentCounts } from './incidents.js';
import type { ReportWindows } from './report-calendar.js';
import type { ReportConfig } from './report-config.js';
import {
  NATIONAL_SCOPE_CODE,
  REPORT_SCHEMA_VERSION,
  type CountTriple,
  type HotIssue,
  type Report,
  type ReportKind,
  type ScopeReport,
} from '@kh02/schemas';
import {
  addTriples,
  locateRedUnits,
  provinceOfAny,
  rateTriple,
  sumIncidents,
  sumProcedures,
  topFive,
  ZERO,
  type LocatedIssue,
} from './report-parts.js';
import type { ProvinceCounterRow } from './queries/counter-totals.js';
import type { RedUnitRow } from './queries/hot-issues.js';
import type { ProvinceProcedureRow } from './queries/top-procedures.js';

/** Everything a report is computed from: query results, the registry and the configuration. */
export interface ReportInputs {
  kind: ReportKind;
  reportDate: string;
  cutoffMs: number;
  dataAsOfMs: number;
  windows: ReportWindows;
  config: ReportConfig;
  registry: Registry;
  counters: readonly ProvinceCounterRow[];
  procedures: readonly ProvinceProcedureRow[];
  incidents: { available: boolean; byUnit: ReadonlyMap<string, IncidentCounts> };
  redUnits: readonly RedUnitRow[];
}

interface Dossiers {
  received: CountTriple;
  received_online: CountTriple;
  processed: CountTriple;
  on_time: CountTriple;
}

const EMPTY_DOSSIERS: Dossiers = { received: ZERO, received_online: ZERO, processed: ZERO, on_time: ZERO };

function dossiersOf(r: ProvinceCounterRow): Dossiers {
  const t = (m: 'received' | 'received_online' | 'processed' | 'on_time'): CountTriple => ({
    period: r[`${m}_p`],
    previous: r[`${m}_q`],
    cumulative: r[`${m}_c`],
  });
  return {
    received: t('received'),
    received_online: t('received_online'),
    processed: t('processed'),
    on_time: t('on_time'),
  };
}

function addDossiers(a: Dossiers, b: Dossiers): Dossiers {
  return {
    received: addTriples(a.received, b.received),
    received_online: addTriples(a.received_online, b.received_online),
    processed: addTriples(a.processed, b.processed),
    on_time: addTriples(a.on_time, b.on_time),
  };
}

function scopeReport(
  scope: ScopeReport['scope'],
  d: Dossiers,
  units: { reported: number; expected: number },
  procedures: readonly ProvinceProcedureRow[],
  incidents: IncidentCounts,
  hotIssues: HotIssue[],
  config: ReportConfig,
): ScopeReport {
  return {
    scope,
    dossiers: d,
    reporting_units: units,
    online_rate: rateTriple(d.received_online, d.received, config.targets.online_rate),
    on_time_rate: rateTriple(d.on_time, d.processed, config.targets.on_time_rate),
    top_procedures: topFive(sumProcedures(procedures)),
    incidents,
    hot_issues: hotIssues,
  };
}

/** Oldest red first: the longest-standing problems lead the list for leadership. */
function pickIssues(located: readonly LocatedIssue[], keep: (l: LocatedIssue) => boolean, max: number): HotIssue[] {
  return located
    .filter(keep)
    .map((l) => l.issue)
    .sort((a, b) => a.since.localeCompare(b.since) || a.code.localeCompare(b.code))
    .slice(0, max);
}

/** Assembles the national and per-province report from query results. Pure: same inputs, same report. */
/** Below this share of commune-level units reporting, a report's figures are marked incomplete. */
export const MIN_REPORTING_SHARE = 0.5;

export function buildReport(inputs: ReportInputs): Report {
  const { registry, config } = inputs;
  const countersBy = new Map(inputs.counters.map((r) => [r.province_code, r]));
  const incidentsByProvince = new Map<string, IncidentCounts[]>();
  for (const [unit, counts] of inputs.incidents.byUnit) {
    const p = provinceOfAny(registry, unit);
    if (p) incidentsByProvince.set(p, [...(incidentsByProvince.get(p) ?? []), counts]);
  }
  const located = locateRedUnits(registry, inputs.redUnits, config.reasonsPerIssue);
  const known = new Set(registry.provinces.map((p) => p.code));

  let national = EMPTY_DOSSIERS;
  let reported = 0;
  let expected = 0;
  const provinces = registry.provinces.map((p) => {
    const row = countersBy.get(p.code);
    const d = row ? dossiersOf(row) : EMPTY_DOSSIERS;
    const units = {
      reported: row?.units_period ?? 0,
      expected: registry.communesOf(p.code, { includeCentre: true }).length,
    };
    national = addDossiers(national, d);
    reported += units.reported;
    expected += units.expected;
    return scopeReport(
      { code: p.code, name: p.name, kind: 'province' },
      d,
      units,
      inputs.procedures.filter((r) => r.province_code === p.code),
      sumIncidents(incidentsByProvince.get(p.code) ?? []),
      pickIssues(located, (l) => l.province === p.code, config.hotIssuesPerScope),
      config,
    );
  });

  return {
    schema_version: REPORT_SCHEMA_VERSION,
    kind: inputs.kind,
    report_date: inputs.reportDate,
    cutoff_at: new Date(inputs.cutoffMs).toISOString(),
    data_as_of: new Date(inputs.dataAsOfMs).toISOString(),
    period: inputs.windows.period,
    previous_period: inputs.windows.previous_period,
    cumulative_from: inputs.windows.cumulative_from,
    targets: config.targets,
    incidents_available: inputs.incidents.available,
    completeness: { incomplete: reported < expected * MIN_REPORTING_SHARE, frozen_late: false },
    national: scopeReport(
      { code: NATIONAL_SCOPE_CODE, name: 'Toàn quốc', kind: 'national' },
      national,
      { reported, expected },
      inputs.procedures.filter((r) => known.has(r.province_code)),
      sumIncidents([...inputs.incidents.byUnit.values()]),
      // Nationally: red provinces and central agencies, not every commune.
      pickIssues(located, (l) => l.issue.kind === 'province' || l.issue.kind === 'agency', config.hotIssuesPerScope),
      config,
    ),
    provinces,
  };
}
