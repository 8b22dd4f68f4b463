/*
 * Public API of the unit registry (`@kh02/schemas/registry`). Browser-safe:
 * no Node built-ins, no I/O — servers read override files themselves.
 */
// Explicit list: the code/name field schemas in types.ts stay internal because
// ingest/primitives.ts already exports same-purpose schemas to the package root.
export {
  AGENCY_BLOCKS,
  AgencyBlockSchema,
  AgencyKindSchema,
  AgencySchema,
  codeShape,
  COMMUNE_CODE_RE,
  CommuneKindSchema,
  CommuneSchema,
  LETTER_CODE_RE,
  PROVINCE_CODE_RE,
  ProvinceKindSchema,
  ProvinceSchema,
  REGISTRY_LISTS,
  RegistryDataSchema,
  SYSTEM_ID_RE,
  SystemKindSchema,
  SystemSchema,
  VendorSchema,
  type Agency,
  type AgencyBlock,
  type AgencyKind,
  type CodeShape,
  type Commune,
  type CommuneKind,
  type Province,
  type ProvinceKind,
  type RegistryData,
  type RegistryListName,
  type System,
  type SystemKind,
  type Vendor,
} from './types.js';
export type { ImportError, ImportResult, RegistryIssue } from './messages.js';
export { AGENCIES, AGENCY_BLOCK_NAMES } from './data/agencies.js';
export { PROVINCES } from './data/provinces.js';
export { VENDORS } from './data/vendors.js';
export { NATIONAL_PLATFORMS } from './data/national-platforms.js';
export { SPECIAL_ZONES, WARD_COUNT, type SpecialZone } from './data/commune-composition.js';
export { centreCode, generateCommunes, placeholderCommunesOf, provincialCentre } from './placeholder-communes.js';
export { agencySystems, generateSystems, handlesProcedures, provinceSystems } from './systems.js';
export { checkRegistryData, type RegistryCheck } from './validate.js';
export {
  buildRegistry,
  defaultRegistry,
  defaultRegistryData,
  RegistryError,
  type Registry,
  type UnitKind,
} from './registry.js';
export {
  mergeRegistryData,
  parseCommunesCsv,
  parseRegistryJson,
  parseRegistryOverride,
  type RegistryOverride,
} from './import.js';
export { asciiFold, COMMUNE_NAME_PREFIX, provinceTitle } from './text.js';
export { hashSeed, seededRandom } from './prng.js';
