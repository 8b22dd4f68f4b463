/* Names of the parties a ticket is routed to, and of ticket units, in the UI language. */
import { WORKING_GROUP_NAMES, type Party } from '@kh02/schemas';
import { AGENCIES, PROVINCES, VENDORS } from '@kh02/schemas/registry';
import type { Lang } from '@kh02/schemas';

const UNITS = new Map<string, { vi: string; en: string }>([
  ...PROVINCES.map((p) => [p.code, { vi: p.name, en: p.nameEn }] as const),
  ...AGENCIES.map((a) => [a.code, { vi: a.name, en: a.nameEn }] as const),
]);
const VENDOR_NAMES = new Map(VENDORS.map((v) => [v.code, { vi: v.name, en: v.nameEn }] as const));

/** A province or agency name; a commune (not in the bundled registry) shows its code. */
export function unitName(code: string, lang: Lang): string {
  return UNITS.get(code)?.[lang] ?? code;
}

/** The party's name from the bundled registry, or null when the registry does not know it. */
export function knownPartyName(p: Party, lang: Lang): string | null {
  if (p.kind === 'working_group') return WORKING_GROUP_NAMES[p.code][lang];
  return (p.kind === 'vendor' ? VENDOR_NAMES : UNITS).get(p.code)?.[lang] ?? null;
}

export function partyName(p: Party, lang: Lang): string {
  return knownPartyName(p, lang) ?? p.code;
}

/** `<select>` values: one string per party. */
export const partyKey = (p: Party): string => `${p.kind}:${p.code}`;

export function sameParty(a: Party | null | undefined, b: Party | null | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.code === b.code;
}

/** Every province and agency, for the unit filter. */
export const UNIT_OPTIONS: readonly { code: string; vi: string; en: string }[] = [
  ...PROVINCES.map((p) => ({ code: p.code, vi: p.name, en: p.nameEn })),
  ...AGENCIES.map((a) => ({ code: a.code, vi: a.name, en: a.nameEn })),
];
