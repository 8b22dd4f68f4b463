import { AGENCIES } from './data/agencies.js';
import { PROVINCES } from './data/provinces.js';
import { VENDORS } from './data/vendors.js';
import type { RegistryIssue } from './messages.js';
import { generateCommunes } from './placeholder-communes.js';
import { generateSystems } from './systems.js';
import type { Agency, AgencyBlock, Commune, Province, RegistryData, System, Vendor } from './types.js';
import { checkRegistryData } from './validate.js';

export type UnitKind = 'province' | 'commune' | 'agency';

/** A validated, indexed registry. Every lookup is a Map hit (O(1)); lists are precomputed. */
export interface Registry {
  readonly provinces: readonly Province[];
  /** All commune-level units, including each province's service centre. */
  readonly communes: readonly Commune[];
  readonly agencies: readonly Agency[];
  readonly vendors: readonly Vendor[];
  readonly systems: readonly System[];
  /** Non-blocking findings, e.g. an imported list whose size differs from the published count. */
  readonly warnings: readonly RegistryIssue[];
  province(code: string): Province | undefined;
  commune(code: string): Commune | undefined;
  agency(code: string): Agency | undefined;
  vendor(code: string): Vendor | undefined;
  system(id: string): System | undefined;
  /** The province's commune-level units; its service centre only with `includeCentre`. */
  communesOf(provinceCode: string, opts?: { includeCentre?: boolean }): readonly Commune[];
  /** The provincial public-administration service centre. */
  centreOf(provinceCode: string): Commune | undefined;
  systemsOf(unitCode: string): readonly System[];
  systemsOfVendor(vendorCode: string): readonly System[];
  kindOf(code: string): UnitKind | undefined;
  /** Commune → its province; province → itself; anything else → undefined. */
  provinceOf(unitCode: string): string | undefined;
  /** Agencies grouped by block; every block is present, in display order. */
  agenciesByBlock(): Readonly<Record<AgencyBlock, readonly Agency[]>>;
}

/** Registry data failed validation; `issues` holds every problem with its path. */
export class RegistryError extends Error {
  readonly issues: readonly RegistryIssue[];
  constructor(issues: readonly RegistryIssue[]) {
    const lines = issues.map((i) => `- ${i.path}: ${i.message.en} (${i.message.vi})`);
    super(`Invalid registry data, ${issues.length} problem(s):\n${lines.join('\n')}`);
    this.name = 'RegistryError';
    this.issues = issues;
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

function byCode<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/** Validates (zod + referential integrity) and indexes. Throws RegistryError listing every problem. */
export function buildRegistry(data: RegistryData): Registry {
  const check = checkRegistryData(data);
  if (check.data === undefined) throw new RegistryError(check.errors);
  const { provinces, communes, agencies, vendors, systems } = check.data;

  const provinceBy = byCode(provinces, (p) => p.code);
  const communeBy = byCode(communes, (c) => c.code);
  const agencyBy = byCode(agencies, (a) => a.code);
  const vendorBy = byCode(vendors, (v) => v.code);
  const systemBy = byCode(systems, (s) => s.id);
  const centreBy = byCode(
    communes.filter((c) => c.kind === 'trung_tam_tinh'),
    (c) => c.provinceCode,
  );
  const communesBy = groupBy(
    communes.filter((c) => c.kind !== 'trung_tam_tinh'),
    (c) => c.provinceCode,
  );
  const allUnitsBy = groupBy(communes, (c) => c.provinceCode);
  const systemsByUnit = groupBy(systems, (s) => s.unitCode);
  const systemsByVendor = groupBy(systems, (s) => s.vendorCode);
  const inBlock = (b: AgencyBlock): readonly Agency[] => agencies.filter((a) => a.block === b);
  // Spelled out so adding a block to the enum is a compile error here, not a missing key.
  const blocks: Readonly<Record<AgencyBlock, readonly Agency[]>> = {
    party: inBlock('party'),
    national_assembly: inBlock('national_assembly'),
    state_president: inBlock('state_president'),
    government: inBlock('government'),
    fatherland_front: inBlock('fatherland_front'),
    supreme_court: inBlock('supreme_court'),
    supreme_procuracy: inBlock('supreme_procuracy'),
    state_audit: inBlock('state_audit'),
  };

  return {
    provinces,
    communes,
    agencies,
    vendors,
    systems,
    warnings: check.warnings,
    province: (code) => provinceBy.get(code),
    commune: (code) => communeBy.get(code),
    agency: (code) => agencyBy.get(code),
    vendor: (code) => vendorBy.get(code),
    system: (id) => systemBy.get(id),
    communesOf: (code, opts) => (opts?.includeCentre === true ? allUnitsBy : communesBy).get(code) ?? EMPTY,
    centreOf: (code) => centreBy.get(code),
    systemsOf: (code) => systemsByUnit.get(code) ?? EMPTY,
    systemsOfVendor: (code) => systemsByVendor.get(code) ?? EMPTY,
    kindOf: (code) => {
      if (provinceBy.has(code)) return 'province';
      if (communeBy.has(code)) return 'commune';
      if (agencyBy.has(code)) return 'agency';
      return undefined;
    },
    provinceOf: (code) => (provinceBy.has(code) ? code : communeBy.get(code)?.provinceCode),
    agenciesByBlock: () => blocks,
  };
}

/** The built-in data set: official provinces and agencies, placeholder communes, demo systems. */
export function defaultRegistryData(): RegistryData {
  const provinces = PROVINCES.map((p) => ({ ...p, mergedFrom: [...p.mergedFrom] }));
  const agencies = AGENCIES.map((a) => ({ ...a }));
  return {
    provinces,
    communes: generateCommunes(provinces),
    agencies,
    vendors: VENDORS.map((v) => ({ ...v })),
    systems: generateSystems(provinces, agencies),
  };
}

let memo: Registry | undefined;

/** The built-in registry, built once per process (validation of ~3,600 units is not free). */
export function defaultRegistry(): Registry {
  memo ??= buildRegistry(defaultRegistryData());
  return memo;
}
