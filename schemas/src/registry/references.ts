import type { BilingualText, RegistryIssue } from './messages.js';
import type { Agency, Commune, Province, System, Vendor } from './types.js';

/** Schema-valid items; an item that failed its schema is `undefined` so indices stay true. */
export interface RegistryItems {
  readonly provinces: readonly (Province | undefined)[];
  readonly communes: readonly (Commune | undefined)[];
  readonly agencies: readonly (Agency | undefined)[];
  readonly vendors: readonly (Vendor | undefined)[];
  readonly systems: readonly (System | undefined)[];
}

interface Found {
  errors: RegistryIssue[];
  warnings: RegistryIssue[];
}

const msg = (vi: string, en: string): BilingualText => ({ vi, en });

/** Index items by key, reporting every repeat against the first occurrence. */
function uniqueIndex<T>(
  list: string,
  items: readonly (T | undefined)[],
  key: (item: T) => string,
  field: string,
  errors: RegistryIssue[],
): Map<string, T> {
  const seen = new Map<string, { item: T; index: number }>();
  items.forEach((item, index) => {
    if (item === undefined) return;
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, { item, index });
    else {
      errors.push({
        path: `${list}[${index}].${field}`,
        message: msg(
          `trùng mã "${k}" (đã có tại ${list}[${first.index}])`,
          `duplicate "${k}" (first at ${list}[${first.index}])`,
        ),
      });
    }
  });
  return new Map([...seen].map(([k, v]) => [k, v.item]));
}

/**
 * Referential integrity: unique codes, every reference resolves, no parent
 * cycles, and each province's commune count matches its communes. A count
 * mismatch is an error for generated (placeholder) lists, where it can only
 * be a bug, and a warning for imported official lists, where the published
 * count and the list may legitimately disagree until one is corrected.
 */
export function checkReferences(items: RegistryItems): Found {
  const found: Found = { errors: [], warnings: [] };
  const { errors } = found;
  const provinces = uniqueIndex('provinces', items.provinces, (p) => p.code, 'code', errors);
  uniqueIndex('communes', items.communes, (c) => c.code, 'code', errors);
  const agencies = uniqueIndex('agencies', items.agencies, (a) => a.code, 'code', errors);
  const vendors = uniqueIndex('vendors', items.vendors, (v) => v.code, 'code', errors);
  uniqueIndex('systems', items.systems, (s) => s.id, 'id', errors);

  // Agencies and vendors share the letter-code shape; keep them apart so a code means one thing.
  items.vendors.forEach((v, i) => {
    if (v !== undefined && agencies.has(v.code)) {
      errors.push({
        path: `vendors[${i}].code`,
        message: msg(`mã "${v.code}" trùng với mã một cơ quan`, `code "${v.code}" is also an agency code`),
      });
    }
  });

  checkCommunes(items, provinces, found);
  checkAgencyParents(items, agencies, errors);
  checkSystems(items, provinces, agencies, vendors, errors);
  return found;
}

function checkCommunes(items: RegistryItems, provinces: ReadonlyMap<string, Province>, found: Found): void {
  const counted = new Map<string, number>();
  const centreAt = new Map<string, number>();
  items.communes.forEach((c, i) => {
    if (c === undefined) return;
    if (!provinces.has(c.provinceCode)) {
      found.errors.push({
        path: `communes[${i}].provinceCode`,
        message: msg(`không có tỉnh mã "${c.provinceCode}"`, `unknown province "${c.provinceCode}"`),
      });
    }
    if (c.kind !== 'trung_tam_tinh') {
      counted.set(c.provinceCode, (counted.get(c.provinceCode) ?? 0) + 1);
      return;
    }
    const first = centreAt.get(c.provinceCode);
    if (first === undefined) centreAt.set(c.provinceCode, i);
    else {
      found.errors.push({
        path: `communes[${i}].kind`,
        message: msg(
          `tỉnh "${c.provinceCode}" đã có trung tâm phục vụ hành chính công (communes[${first}])`,
          `province "${c.provinceCode}" already has a service centre (communes[${first}])`,
        ),
      });
    }
  });

  const generated = items.communes.every((c) => c === undefined || c.kind === 'trung_tam_tinh' || c.placeholder);
  const sink = generated ? found.errors : found.warnings;
  items.provinces.forEach((p, i) => {
    if (p === undefined) return;
    const actual = counted.get(p.code) ?? 0;
    if (actual !== p.communeCount) {
      sink.push({
        path: `provinces[${i}].communeCount`,
        message: msg(
          `tỉnh "${p.code}" khai báo ${p.communeCount} đơn vị cấp xã nhưng danh sách có ${actual}`,
          `province "${p.code}" declares ${p.communeCount} commune-level units but the list has ${actual}`,
        ),
      });
    }
  });
}

function checkAgencyParents(
  items: RegistryItems,
  agencies: ReadonlyMap<string, Agency>,
  errors: RegistryIssue[],
): void {
  items.agencies.forEach((a, i) => {
    if (a?.parentCode === undefined) return;
    const path = `agencies[${i}].parentCode`;
    if (!agencies.has(a.parentCode)) {
      errors.push({
        path,
        message: msg(`không có cơ quan cấp trên mã "${a.parentCode}"`, `unknown parent agency "${a.parentCode}"`),
      });
      return;
    }
    // Walk up; a chain longer than the number of agencies can only be a cycle.
    let code: string | undefined = a.parentCode;
    for (let steps = 0; code !== undefined; steps++) {
      if (code === a.code || steps > agencies.size) {
        errors.push({
          path,
          message: msg(
            `quan hệ cấp trên của "${a.code}" tạo thành vòng lặp`,
            `parent chain of "${a.code}" forms a cycle`,
          ),
        });
        return;
      }
      code = agencies.get(code)?.parentCode;
    }
  });
}

function checkSystems(
  items: RegistryItems,
  provinces: ReadonlyMap<string, Province>,
  agencies: ReadonlyMap<string, Agency>,
  vendors: ReadonlyMap<string, Vendor>,
  errors: RegistryIssue[],
): void {
  items.systems.forEach((s, i) => {
    if (s === undefined) return;
    if (!vendors.has(s.vendorCode)) {
      errors.push({
        path: `systems[${i}].vendorCode`,
        message: msg(`không có nhà cung cấp mã "${s.vendorCode}"`, `unknown vendor "${s.vendorCode}"`),
      });
    }
    // The schema already rejects commune-shaped codes: systems belong to provinces or agencies.
    if (!provinces.has(s.unitCode) && !agencies.has(s.unitCode)) {
      errors.push({
        path: `systems[${i}].unitCode`,
        message: msg(`không có tỉnh hoặc cơ quan mã "${s.unitCode}"`, `unknown province or agency "${s.unitCode}"`),
      });
    }
  });
}
