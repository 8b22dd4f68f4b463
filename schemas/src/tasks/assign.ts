import type { Registry } from '../registry/registry.js';
import type { LeadGroup, LeadRef, PlanTask } from './model.js';

/** One unit that must do one task, with its own deadline (the Command Center may move it). */
export interface Assignment {
  task: number;
  unit_code: string;
  deadline: string | null;
}

const CENTRAL_KINDS = new Set(['ministry', 'ministerial_agency', 'government_agency']);
const MINISTRY_KINDS = new Set(['ministry', 'ministerial_agency']);
const MASS_ORG_KINDS = new Set(['front', 'mass_org']);

/** The registry codes a group stands for, in registry order. */
export function groupMembers(group: LeadGroup, registry: Registry): string[] {
  switch (group) {
    case 'all_ministries':
      return registry.agencies.filter((a) => MINISTRY_KINDS.has(a.kind)).map((a) => a.code);
    case 'all_central':
      return registry.agencies.filter((a) => CENTRAL_KINDS.has(a.kind)).map((a) => a.code);
    case 'all_provinces':
      return registry.provinces.map((p) => p.code);
    case 'all_vendors':
      return registry.vendors.map((v) => v.code);
    case 'mass_orgs':
      return registry.agencies.filter((a) => MASS_ORG_KINDS.has(a.kind)).map((a) => a.code);
  }
}

/** A lead that is a single unit: an agency, a province or an IT enterprise of the registry. */
export function resolvesToUnit(code: string, registry: Registry): boolean {
  return (
    registry.agency(code) !== undefined || registry.province(code) !== undefined || registry.vendor(code) !== undefined
  );
}

/** Leads that name nothing in the registry (an empty list means every lead resolves). */
export function unresolvedLeads(leads: readonly LeadRef[], registry: Registry): LeadRef[] {
  return leads.filter((l) =>
    'unit' in l ? !resolvesToUnit(l.unit, registry) : groupMembers(l.group, registry).length === 0,
  );
}

/** Fan-out: every unit a task's leads stand for, once, each with the task's deadline. */
export function fanOut(task: Pick<PlanTask, 'number' | 'leads' | 'deadline'>, registry: Registry): Assignment[] {
  const codes = new Set<string>();
  for (const l of task.leads) {
    if ('unit' in l) codes.add(l.unit);
    else for (const c of groupMembers(l.group, registry)) codes.add(c);
  }
  return [...codes].map((unit_code) => ({ task: task.number, unit_code, deadline: task.deadline }));
}
