import { z } from 'zod';
import type { BilingualText } from '../i18n.js';
import { toFieldIssues } from '../ingest/issues.js';

// Operators read Vietnamese, vendors and integrators often English: every problem carries both.
export type { BilingualText };

/** One problem in registry data, located by a path such as `systems[3].vendorCode`. */
export interface RegistryIssue {
  readonly path: string;
  readonly message: BilingualText;
}

/** Where an import problem is: a 1-based line for CSV, a JSON path for JSON. */
export type ImportError =
  | { readonly line: number; readonly message: BilingualText }
  | { readonly path: string; readonly message: BilingualText };

export type ImportResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly errors: readonly ImportError[] };

/**
 * Messages attached to schema checks. Zod only carries one string per issue,
 * so schemas use the English text and `issueText` looks the Vietnamese up here.
 */
export const SCHEMA_MESSAGES = {
  provinceCode: {
    vi: 'mã tỉnh phải gồm đúng 2 chữ số',
    en: 'province code must be exactly 2 digits',
  },
  communeCode: {
    vi: 'mã đơn vị cấp xã phải gồm đúng 5 chữ số',
    en: 'commune-level unit code must be exactly 5 digits',
  },
  letterCode: {
    vi: 'mã phải bắt đầu bằng chữ in hoa, gồm 2–12 chữ in hoa hoặc chữ số',
    en: 'code must start with an uppercase letter and have 2-12 uppercase letters or digits',
  },
  unitCode: {
    vi: 'mã đơn vị chủ quản phải là mã tỉnh (2 chữ số) hoặc mã cơ quan (chữ in hoa)',
    en: 'owner unit code must be a province code (2 digits) or an agency code (uppercase letters)',
  },
  systemId: {
    vi: 'mã hệ thống chỉ gồm chữ thường, chữ số, dấu chấm, gạch ngang (2–64 ký tự)',
    en: 'system id must be 2-64 lowercase letters, digits, dots or hyphens',
  },
  nameEmpty: { vi: 'tên không được để trống', en: 'name must not be empty' },
  nameTrim: {
    vi: 'tên không được có khoảng trắng ở đầu hoặc cuối',
    en: 'name must not start or end with whitespace',
  },
  nameNfc: {
    vi: 'tên phải ở dạng Unicode dựng sẵn (NFC)',
    en: 'name must be Unicode NFC (precomposed diacritics)',
  },
  nameAscii: {
    vi: 'tên tiếng Anh chỉ được dùng ký tự ASCII',
    en: 'English name must be printable ASCII',
  },
  seedRefRequired: {
    vi: 'cơ quan được nêu trong tài liệu gốc phải có seedRef',
    en: 'an agency named in the seeds must have a seedRef',
  },
} as const satisfies Record<string, BilingualText>;

const VI_BY_EN = new Map<string, string>(Object.values(SCHEMA_MESSAGES).map((m) => [m.en, m.vi]));

/**
 * Both languages for one zod issue: our own check messages by lookup, zod's
 * built-in ones through the shared ingest translations so the wording matches
 * what vendors already see from the ingest API.
 */
export function issueText(issue: z.core.$ZodIssue): BilingualText {
  const vi = VI_BY_EN.get(issue.message);
  if (vi !== undefined) return { vi, en: issue.message };
  const shared = toFieldIssues(new z.ZodError([issue]))[0];
  return shared?.message ?? { vi: 'Giá trị không hợp lệ.', en: issue.message };
}

/** `['communes', 12, 'code']` → `communes[12].code`; the root is `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '$' : out;
}
