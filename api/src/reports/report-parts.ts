import {
  type CountTriple,
  type HotIssue,
  type ProcedureRow,
  type RateTriple,
  type Ratio,
  ReasonSchema,
  type Target,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { z } from 'zod';
import type { IncidentCounts } from './incidents.js';
import { procedureName } from './key-procedures.js';
import type { RedUnitRow } from './queries/hot-issues.js';
import type { ProvinceProcedureRow } from './queries/top-procedures.js';

/* Pure pieces of the report: sums, rates, rankings and the hot-issue list. */

export const ZERO: CountTriple = { period: 0, previous: 0, cumulative: 0 };

export function addTriples(a: CountTriple, b: CountTriple): CountTriple {
  return { period: a.period + b.period, previous: a.previous + b.previous, cumulative: a.cumulative + b.cumulative };
}

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

export function meetsTarget(value: number | null, target: Target): boolean | null {
  if (value === null) return null;
  return target.comparator === '>' ? value > target.value : value >= target.value;
}

/** A rate from numerator and denominator counts; the change is in percentage points. */
export function rateTriple(num: CountTriple, den: CountTriple, target: Target): RateTriple {
  const period = ratio(num.period, den.period);
  const previous = ratio(num.previous, den.previous);
  const change =
    period.value !== null && previous.value !== null ? Math.round((period.value - previous.value) * 1e6) / 1e4 : null;
  return {
    period,
    previous,
    cumulative: ratio(num.cumulative, den.cumulative),
    change_pp: change,
    meets_target: meetsTarget(period.value, target),
  };
}

/** Sums procedure rows by code (a province's rows, or every province's for the country). */
export function sumProcedures(rows: readonly ProvinceProcedureRow[]): Map<string, CountTriple> {
  const byCode = new Map<string, CountTriple>();
  for (const r of rows) {
    byCode.set(r.code, addTriples(byCode.get(r.code) ?? ZERO, r));
  }
  return byCode;
}

/** The five procedures with the most dossiers in the period; ties by cumulative, then code, so it is deterministic. */
export function topFive(byCode: Map<string, CountTriple>): ProcedureRow[] {
  return [...byCode.entries()]
    .filter(([, t]) => t.period > 0)
    .sort(([ca, a], [cb, b]) => b.period - a.period || b.cumulative - a.cumulative || ca.localeCompare(cb))
    .slice(0, 5)
    .map(([code, t]) => ({ code, name: procedureName(code), ...t }));
}

/** The province a unit, or a system's owner, belongs to; undefined for agencies and unknown codes. */
export function provinceOfAny(registry: Registry, code: string): string | undefined {
  const direct = registry.provinceOf(code);
  if (direct) return direct;
  const system = registry.system(code);
  return system ? registry.provinceOf(system.unitCode) : undefined;
}

export function sumIncidents(list: readonly IncidentCounts[]): IncidentCounts {
  return list.reduce<IncidentCounts>(
    (acc, c) => ({
      technical: addTriples(acc.technical, c.technical),
      process: addTriples(acc.process, c.process),
      resolved: addTriples(acc.resolved, c.resolved),
    }),
    { technical: ZERO, process: ZERO, resolved: ZERO },
  );
}

const ReasonListSchema = z.array(ReasonSchema);

function reasonsOf(json: string, max: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const reasons = ReasonListSchema.safeParse(parsed);
  if (!reasons.success) return [];
  return reasons.data
    .filter((r) => r.status === 'red')
    .concat(reasons.data.filter((r) => r.status !== 'red'))
    .slice(0, max)
    .map((r) => (r.source ? `${r.source.name}: ${r.message.vi}` : r.message.vi));
}

export interface LocatedIssue {
  issue: HotIssue;
  /** Province it belongs to; undefined for central agencies. */
  province: string | undefined;
}

/** Red units with readable names and reasons; codes the registry does not know are left out. */
export function locateRedUnits(registry: Registry, rows: readonly RedUnitRow[], maxReasons: number): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const r of rows) {
    const kind = registry.kindOf(r.code);
    const system = kind ? undefined : registry.system(r.code);
    const name =
      kind === 'province'
        ? registry.province(r.code)?.name
        : kind === 'commune'
          ? registry.commune(r.code)?.name
          : kind === 'agency'
            ? registry.agency(r.code)?.name
            : system?.name;
    if (!name) continue;
    out.push({
      issue: { code: r.code, name, kind: kind ?? 'system', since: r.since, reasons: reasonsOf(r.reasons, maxReasons) },
      province: provinceOfAny(registry, r.code),
    });
  }
  return out;
}
