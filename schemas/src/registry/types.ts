import { z } from 'zod';
import { SCHEMA_MESSAGES as M } from './messages.js';

/*
 * Unit registry contracts. Every ingest payload, tile and ticket refers to a
 * unit by code, so the code shapes below are the join keys of the whole wall.
 *
 * Codes of the three unit kinds are disjoint *by shape*, so a bare code in a
 * URL or a payload is never ambiguous:
 *   province  — exactly 2 digits           ("79")
 *   commune   — exactly 5 digits           ("79001", "79000" for the centre)
 *   agency    — uppercase letter first     ("BCA"); vendors share this shape
 *               but live in their own field, and the registry rejects an
 *               agency and a vendor that share a code.
 */
export const PROVINCE_CODE_RE = /^\d{2}$/;
export const COMMUNE_CODE_RE = /^\d{5}$/;
export const LETTER_CODE_RE = /^[A-Z][A-Z0-9]{1,11}$/;
export const SYSTEM_ID_RE = /^[a-z0-9][a-z0-9.-]{1,63}$/;
/** Printable ASCII only: English names feed file names, logs and fonts without Vietnamese glyphs. */
const ASCII_RE = /^[\x20-\x7E]+$/;

/** Which unit kind a code *could* be, from its shape alone. */
export type CodeShape = 'province' | 'commune' | 'agency';

export function codeShape(code: string): CodeShape | undefined {
  if (PROVINCE_CODE_RE.test(code)) return 'province';
  if (COMMUNE_CODE_RE.test(code)) return 'commune';
  if (LETTER_CODE_RE.test(code)) return 'agency';
  return undefined;
}

export const provinceCodeSchema = z.string().regex(PROVINCE_CODE_RE, { error: M.provinceCode.en });
export const communeCodeSchema = z.string().regex(COMMUNE_CODE_RE, { error: M.communeCode.en });
export const letterCodeSchema = z.string().regex(LETTER_CODE_RE, { error: M.letterCode.en });
export const systemIdSchema = z.string().regex(SYSTEM_ID_RE, { error: M.systemId.en });
/** A system belongs to a province or to a central agency, never to a commune. */
export const ownerUnitCodeSchema = z
  .string()
  .refine((c) => PROVINCE_CODE_RE.test(c) || LETTER_CODE_RE.test(c), { error: M.unitCode.en });

/**
 * Vietnamese display name. NFC is required because the same name typed on
 * macOS (NFD) and Windows (NFC) would otherwise compare unequal and break
 * de-duplication and search.
 */
export const viNameSchema = z
  .string()
  .min(1, { error: M.nameEmpty.en })
  .max(200)
  .refine((s) => s === s.trim(), { error: M.nameTrim.en })
  .refine((s) => s === s.normalize('NFC'), { error: M.nameNfc.en });

export const enNameSchema = z
  .string()
  .min(1, { error: M.nameEmpty.en })
  .max(200)
  .regex(ASCII_RE, { error: M.nameAscii.en })
  .refine((s) => s === s.trim(), { error: M.nameTrim.en });

// ---------------------------------------------------------------- provinces

export const ProvinceKindSchema = z.enum(['thanh_pho', 'tinh']);
export type ProvinceKind = z.infer<typeof ProvinceKindSchema>;

export const ProvinceSchema = z.strictObject({
  code: provinceCodeSchema,
  name: viNameSchema,
  nameEn: enNameSchema,
  kind: ProvinceKindSchema,
  /** Pre-merger (63-unit) provinces that form this one; unchanged provinces list themselves. */
  mergedFrom: z.array(viNameSchema).min(1),
  /** Commune-level units (xã + phường + đặc khu), excluding the provincial service centre. */
  communeCount: z.int().min(1),
});
export type Province = z.infer<typeof ProvinceSchema>;

// ---------------------------------------------------------------- communes

/**
 * 'trung_tam_tinh' is the provincial public-administration service centre:
 * not a commune, but it reports one-stop counters exactly like one, so it
 * lives in the same list with a 5-digit code.
 */
export const CommuneKindSchema = z.enum(['xa', 'phuong', 'dac_khu', 'trung_tam_tinh']);
export type CommuneKind = z.infer<typeof CommuneKindSchema>;

export const CommuneSchema = z.strictObject({
  code: communeCodeSchema,
  name: viNameSchema,
  nameEn: enNameSchema,
  kind: CommuneKindSchema,
  provinceCode: provinceCodeSchema,
  /** true = generated stand-in whose code is not official; replace by importing the official list. */
  placeholder: z.boolean(),
});
export type Commune = z.infer<typeof CommuneSchema>;

// ---------------------------------------------------------------- agencies

export const AgencyBlockSchema = z.enum([
  'party',
  'national_assembly',
  'state_president',
  'government',
  'fatherland_front',
  'supreme_court',
  'supreme_procuracy',
  'state_audit',
]);
export type AgencyBlock = z.infer<typeof AgencyBlockSchema>;
/** Display order of blocks on the wall (the seeds' order, then state audit). */
export const AGENCY_BLOCKS: readonly AgencyBlock[] = AgencyBlockSchema.options;

export const AgencyKindSchema = z.enum([
  'ministry',
  'ministerial_agency',
  'government_agency',
  'subordinate_agency',
  'party_agency',
  'party_committee',
  'na_agency',
  'state_office',
  'front',
  'mass_org',
  'court',
  'procuracy',
  'audit',
]);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const AgencySchema = z
  .strictObject({
    code: letterCodeSchema,
    name: viNameSchema,
    nameEn: enNameSchema,
    block: AgencyBlockSchema,
    kind: AgencyKindSchema,
    parentCode: letterCodeSchema.optional(),
    /** Named specifically in the seed documents (not only as a generic "các bộ, ngành"). */
    namedInSeeds: z.boolean(),
    /** Where in the seeds, as `file Lline` per seed-digest.md, e.g. "000 L480". */
    seedRef: z.string().min(1).optional(),
  })
  .refine((a) => !a.namedInSeeds || a.seedRef !== undefined, {
    error: M.seedRefRequired.en,
    path: ['seedRef'],
  });
export type Agency = z.infer<typeof AgencySchema>;

// ---------------------------------------------------------------- vendors and systems

export const VendorSchema = z.strictObject({
  code: letterCodeSchema,
  name: viNameSchema,
  nameEn: enNameSchema,
});
export type Vendor = z.infer<typeof VendorSchema>;

export const SystemKindSchema = z.enum([
  'tthc',
  'document_mgmt',
  'lgsp',
  'sso',
  'ioc',
  'email',
  'national_platform',
  'database',
  'reporting',
]);
export type SystemKind = z.infer<typeof SystemKindSchema>;

export const SystemSchema = z.strictObject({
  id: systemIdSchema,
  name: viNameSchema,
  nameEn: enNameSchema,
  kind: SystemKindSchema,
  vendorCode: letterCodeSchema,
  /** Owner: a province code or an agency code. */
  unitCode: ownerUnitCodeSchema,
  /** Its outage stops citizens' procedures (filing, login, interconnection); lets the status engine weigh it higher. */
  critical: z.boolean(),
});
export type System = z.infer<typeof SystemSchema>;

// ---------------------------------------------------------------- the whole data set

export const RegistryDataSchema = z.strictObject({
  provinces: z.array(ProvinceSchema),
  communes: z.array(CommuneSchema),
  agencies: z.array(AgencySchema),
  vendors: z.array(VendorSchema),
  systems: z.array(SystemSchema),
});
export type RegistryData = z.infer<typeof RegistryDataSchema>;
export type RegistryListName = keyof RegistryData;
export const REGISTRY_LISTS: readonly RegistryListName[] = ['provinces', 'communes', 'agencies', 'vendors', 'systems'];
