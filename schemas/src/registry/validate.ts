import { z } from 'zod';
import { formatPath, issueText, type RegistryIssue } from './messages.js';
import { checkReferences, type RegistryItems } from './references.js';
import {
  AgencySchema,
  CommuneSchema,
  ProvinceSchema,
  SystemSchema,
  VendorSchema,
  type RegistryData,
  type RegistryListName,
} from './types.js';

export interface RegistryCheck {
  /** The data if there were no errors (warnings do not block). */
  readonly data: RegistryData | undefined;
  readonly errors: readonly RegistryIssue[];
  readonly warnings: readonly RegistryIssue[];
}

/** Only the outer shape: items are checked one by one so every bad item is reported. */
const shapeSchema = z.strictObject({
  provinces: z.array(z.unknown()),
  communes: z.array(z.unknown()),
  agencies: z.array(z.unknown()),
  vendors: z.array(z.unknown()),
  systems: z.array(z.unknown()),
});

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): RegistryIssue[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path]),
    message: issueText(i),
  }));
}

/**
 * Validates the schema of every item and then referential integrity
 * (see references.ts). Never throws; `buildRegistry` turns errors into an
 * exception.
 */
export function checkRegistryData(input: unknown): RegistryCheck {
  const shape = shapeSchema.safeParse(input);
  if (!shape.success) return { data: undefined, errors: zodIssues(shape.error), warnings: [] };

  const errors: RegistryIssue[] = [];
  const d = shape.data;
  const items: RegistryItems = {
    provinces: parseList('provinces', d.provinces, ProvinceSchema, errors),
    communes: parseList('communes', d.communes, CommuneSchema, errors),
    agencies: parseList('agencies', d.agencies, AgencySchema, errors),
    vendors: parseList('vendors', d.vendors, VendorSchema, errors),
    systems: parseList('systems', d.systems, SystemSchema, errors),
  };

  const refs = checkReferences(items);
  errors.push(...refs.errors);
  if (errors.length > 0) return { data: undefined, errors, warnings: refs.warnings };
  return {
    data: {
      provinces: items.provinces.filter(isDefined),
      communes: items.communes.filter(isDefined),
      agencies: items.agencies.filter(isDefined),
      vendors: items.vendors.filter(isDefined),
      systems: items.systems.filter(isDefined),
    },
    errors,
    warnings: refs.warnings,
  };
}

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}

/**
 * Parses each item on its own so every bad item is reported. Items that fail
 * are left as holes, so the indices in later paths stay true.
 */
function parseList<T>(
  list: RegistryListName,
  raw: readonly unknown[],
  schema: z.ZodType<T>,
  errors: RegistryIssue[],
): (T | undefined)[] {
  return raw.map((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) return r.data;
    errors.push(...zodIssues(r.error, [list, index]));
    return undefined;
  });
}
