import type { CommuneKind, Province } from './types.js';

/**
 * Vietnamese → ASCII ("Đắk Lắk" → "Dak Lak"). NFD splits base letters from
 * their diacritics, which we drop; đ/Đ are separate letters, not a letter
 * plus a mark, so they are mapped explicitly. Dashes become '-' and any other
 * non-ASCII character is dropped, so the result always passes the
 * English-name schema.
 */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[^\x20-\x7E]/g, '');
}

/** Prefix of a commune-level unit's official name, by kind. */
export const COMMUNE_NAME_PREFIX: Readonly<Record<CommuneKind, string>> = {
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
  trung_tam_tinh: 'Trung tâm Phục vụ hành chính công',
};

const COMMUNE_KIND_EN: Readonly<Record<CommuneKind, string>> = {
  xa: 'Commune',
  phuong: 'Ward',
  dac_khu: 'Special Zone',
  trung_tam_tinh: 'Public Administration Service Centre',
};

/** "Tân Phú" + 'xa' → "Xã Tân Phú". Leaves names that already carry the prefix alone. */
export function withCommunePrefix(name: string, kind: CommuneKind): string {
  const prefix = COMMUNE_NAME_PREFIX[kind];
  const lower = name.toLocaleLowerCase('vi');
  return lower.startsWith(`${prefix.toLocaleLowerCase('vi')} `) ? name : `${prefix} ${name}`;
}

/** "Xã Tân Phú" → "Tan Phu Commune" — the usual English rendering of Vietnamese unit names. */
export function communeNameEn(name: string, kind: CommuneKind): string {
  const prefix = COMMUNE_NAME_PREFIX[kind];
  const bare = name.toLocaleLowerCase('vi').startsWith(`${prefix.toLocaleLowerCase('vi')} `)
    ? name.slice(prefix.length + 1)
    : name;
  return `${asciiFold(bare)} ${COMMUNE_KIND_EN[kind]}`;
}

/**
 * How a province is named in running text: "tỉnh Cao Bằng", "thành phố Huế".
 * "TP. Hồ Chí Minh" already carries its title.
 */
export function provinceTitle(p: Pick<Province, 'name' | 'kind'>): string {
  if (p.name.startsWith('TP.')) return p.name;
  return `${p.kind === 'thanh_pho' ? 'thành phố' : 'tỉnh'} ${p.name}`;
}
