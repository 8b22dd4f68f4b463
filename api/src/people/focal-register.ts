import type { FocalRegister, FocalRow } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Principal } from '../auth/principal.js';

type Kind = FocalRow['kind'];

/** Which unit an account is a focal point of, and as what; null for accounts that are nobody's focal point. */
function focalOf(p: Principal): { code: string; as: 'leadership' | 'technical' } | null {
  if (p.role === 'unit_focal' && p.unitCode && p.focalKind) return { code: p.unitCode, as: p.focalKind };
  // A vendor's senior focal point at the Command Center leads; one marked technical is its technical focal point.
  if (p.role === 'vendor_focal' && p.vendorCode)
    return { code: p.vendorCode, as: p.focalKind === 'technical' ? 'technical' : 'leadership' };
  return null;
}

/**
 * The focal-point register: every province, top-level agency and key IT
 * enterprise with its leadership and technical focal point (individual
 * accounts), and the units that lack either — what "100 % đơn vị được giám
 * sát" is counted against.
 */
export function focalRegister(registry: Registry, people: readonly Principal[]): FocalRegister {
  const found = new Map<string, { leadership?: Principal; technical?: Principal }>();
  // Sorted by account id so the same accounts always give the same row, whatever order they were created in.
  for (const p of [...people].sort((a, b) => a.id.localeCompare(b.id))) {
    const f = focalOf(p);
    if (!f) continue;
    const slot = found.get(f.code) ?? {};
    slot[f.as] ??= p;
    found.set(f.code, slot);
  }
  const units: { code: string; name: string; kind: Kind; reporting_office: string | null }[] = [
    ...registry.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      kind: 'province' as const,
      reporting_office: `Văn phòng ${p.kind === 'thanh_pho' ? 'Thành ủy' : 'Tỉnh ủy'} ${p.name.replace(/^(Thành phố|TP\.|Tỉnh)\s*/u, '')}`,
    })),
    ...registry.agencies
      .filter((a) => a.parentCode === undefined)
      .map((a) => ({ code: a.code, name: a.name, kind: 'agency' as const, reporting_office: null })),
    ...registry.vendors.map((v) => ({ code: v.code, name: v.name, kind: 'vendor' as const, reporting_office: null })),
  ];
  const ref = (p: Principal | undefined) => (p ? { id: p.id, name: p.name } : null);
  const rows: FocalRow[] = units.map((u) => {
    const slot = found.get(u.code) ?? {};
    return {
      ...u,
      leadership: ref(slot.leadership),
      technical: ref(slot.technical),
      complete: !!slot.leadership && !!slot.technical,
    };
  });
  const missing = rows
    .filter((r) => !r.complete)
    .map((r) => ({
      code: r.code,
      name: r.name,
      lacks: [...(r.leadership ? [] : ['leadership' as const]), ...(r.technical ? [] : ['technical' as const])],
    }));
  return { units: rows, missing, covered: rows.length - missing.length, total: rows.length };
}
