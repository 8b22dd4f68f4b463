import type { Registry } from '@kh02/schemas/registry';

/*
 * ClickHouse has no copy of the unit registry, but completeness needs the
 * number of units and systems that SHOULD report. These inline `values()`
 * tables carry it into the SQL, generated from the registry the dashboards
 * are built with: rebuild them (`npx tsx grafana/src/build-dashboards.ts`)
 * after importing the official commune list or changing systems.
 */

const quote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Every province: code, Vietnamese name, commune-level units including the provincial centre. */
export function provincesTable(registry: Registry): string {
  const rows = registry.provinces.map(
    (p) => `(${quote(p.code)}, ${quote(p.name)}, ${registry.communesOf(p.code, { includeCentre: true }).length})`,
  );
  return `values('code String, name String, expected UInt32', ${rows.join(', ')})`;
}

/** Every vendor: code, name, systems it operates. */
export function vendorsTable(registry: Registry): string {
  const rows = registry.vendors.map(
    (v) => `(${quote(v.code)}, ${quote(v.name)}, ${registry.systemsOfVendor(v.code).length})`,
  );
  return `values('vendor String, name String, expected UInt32', ${rows.join(', ')})`;
}

export const totalSystems = (registry: Registry) => registry.systems.length;
export const totalUnits = (registry: Registry) => registry.communes.length;
