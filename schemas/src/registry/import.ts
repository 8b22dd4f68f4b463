import { z } from 'zod';
import { parseCommunesCsv } from './import-csv.js';
import { formatPath, issueText, type ImportError, type ImportResult } from './messages.js';
import { communeNameEn } from './text.js';
import {
  AgencySchema,
  CommuneSchema,
  enNameSchema,
  ProvinceSchema,
  REGISTRY_LISTS,
  SystemSchema,
  VendorSchema,
  type RegistryData,
} from './types.js';

/*
 * Pure parsers that let operators replace built-in lists (above all the
 * placeholder communes) with official data. No file or network access here:
 * the server reads the file named by REGISTRY_OVERRIDE_FILE and hands the
 * text in (docs/registry.md).
 */

/** Any subset of the registry lists; each list given replaces the built-in one. */
export type RegistryOverride = Partial<RegistryData>;

export { parseCommunesCsv };
export type { ImportError, ImportResult };

/**
 * In an override the English name may be left out (it is derived from the
 * Vietnamese one) and `placeholder` defaults to false, because an imported
 * list is meant to be the official one.
 */
const communeOverrideSchema = CommuneSchema.extend({
  nameEn: enNameSchema.optional(),
  placeholder: z.boolean().default(false),
});

const overrideSchema = z.strictObject({
  provinces: z.array(ProvinceSchema).optional(),
  communes: z.array(communeOverrideSchema).optional(),
  agencies: z.array(AgencySchema).optional(),
  vendors: z.array(VendorSchema).optional(),
  systems: z.array(SystemSchema).optional(),
});

/** Parses a JSON override: `{ "communes": [...], "systems": [...] }` — any of the five lists. */
export function parseRegistryJson(text: string): ImportResult<RegistryOverride> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail('$', `JSON không hợp lệ: ${detail}`, `invalid JSON: ${detail}`);
  }
  const parsed = overrideSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueText(i) })),
    };
  }
  const { communes, ...rest } = parsed.data;
  const data: RegistryOverride = { ...rest };
  if (communes !== undefined) {
    data.communes = communes.map((c) => ({
      ...c,
      nameEn: c.nameEn ?? communeNameEn(c.name, c.kind),
    }));
  }
  if (REGISTRY_LISTS.every((list) => data[list] === undefined)) {
    return fail(
      '$',
      `tệp không có danh sách nào (${REGISTRY_LISTS.join(', ')})`,
      `the file has none of the lists (${REGISTRY_LISTS.join(', ')})`,
    );
  }
  return { ok: true, data };
}

/** Picks the parser by file extension: `.csv` (communes only) or `.json`. */
export function parseRegistryOverride(fileName: string, text: string): ImportResult<RegistryOverride> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return parseRegistryJson(text);
  if (lower.endsWith('.csv')) {
    const r = parseCommunesCsv(text);
    return r.ok ? { ok: true, data: { communes: r.data } } : r;
  }
  return fail(
    '$',
    `không hỗ trợ loại tệp "${fileName}" (cần .csv hoặc .json)`,
    `unsupported file "${fileName}" (expected .csv or .json)`,
  );
}

/**
 * Each list present in the override replaces the base list of that kind
 * wholesale — no per-item merging, so an official list can never be mixed
 * with leftover placeholders. One exception: provincial service centres are
 * our construct and never appear in an official commune list, so when the
 * override's communes contain no centre the base centres are kept.
 */
export function mergeRegistryData(base: RegistryData, override: RegistryOverride): RegistryData {
  let communes = override.communes ?? base.communes;
  if (override.communes !== undefined && !override.communes.some((c) => c.kind === 'trung_tam_tinh')) {
    communes = [...base.communes.filter((c) => c.kind === 'trung_tam_tinh'), ...override.communes];
  }
  return {
    provinces: override.provinces ?? base.provinces,
    communes,
    agencies: override.agencies ?? base.agencies,
    vendors: override.vendors ?? base.vendors,
    systems: override.systems ?? base.systems,
  };
}

function fail(path: string, vi: string, en: string): { ok: false; errors: ImportError[] } {
  return { ok: false, errors: [{ path, message: { vi, en } }] };
}
