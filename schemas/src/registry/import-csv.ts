import { detectDelimiter, parseCsv } from './csv.js';
import { issueText, type BilingualText, type ImportError, type ImportResult } from './messages.js';
import { communeNameEn, withCommunePrefix } from './text.js';
import { CommuneSchema, type Commune, type CommuneKind } from './types.js';

/*
 * CSV import of the official commune list:
 *   code,name,kind,province_code[,name_en]
 * UTF-8 (BOM allowed), ',' or ';' separated, quoted fields allowed.
 */

const REQUIRED = ['code', 'name', 'kind', 'province_code'] as const;
const OPTIONAL = ['name_en'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);

/** Schema field → CSV column, to point errors at the column the operator typed. */
const COLUMN_OF: Readonly<Record<string, Column>> = {
  code: 'code',
  name: 'name',
  nameEn: 'name_en',
  kind: 'kind',
  provinceCode: 'province_code',
};

/** Operators type kinds in Vietnamese; accept those words next to the canonical values. */
const KIND_WORDS: Readonly<Record<string, CommuneKind>> = {
  xa: 'xa',
  xã: 'xa',
  phuong: 'phuong',
  phường: 'phuong',
  dac_khu: 'dac_khu',
  'dac khu': 'dac_khu',
  'đặc khu': 'dac_khu',
  đặc_khu: 'dac_khu',
  trung_tam_tinh: 'trung_tam_tinh',
};

/** Trimmed, NFC, so NFD text from macOS or Word compares equal to what we store. */
function clean(value: string): string {
  return value.trim().normalize('NFC');
}

/** Spreadsheets drop leading zeros ("00004" → "4"); all-digit codes are padded back. */
function padDigits(value: string, width: number): string {
  return /^\d+$/.test(value) && value.length < width ? value.padStart(width, '0') : value;
}

function parseKind(value: string): CommuneKind | undefined {
  return KIND_WORDS[value.toLocaleLowerCase('vi').replace(/\s+/g, ' ')];
}

const err = (line: number, vi: string, en: string): ImportError => ({ line, message: { vi, en } });

function columnText(column: string, m: BilingualText): BilingualText {
  return { vi: `cột ${column}: ${m.vi}`, en: `column ${column}: ${m.en}` };
}

/** Parses the official commune list; every bad row is reported with its line number. */
export function parseCommunesCsv(text: string): ImportResult<Commune[]> {
  const csv = parseCsv(text, detectDelimiter(text.replace(/^\uFEFF/, '')));
  if (!csv.ok) {
    const why =
      csv.reason === 'unterminated_quote'
        ? { vi: 'dấu ngoặc kép chưa được đóng', en: 'unterminated quoted field' }
        : { vi: 'có ký tự sau dấu ngoặc kép đóng', en: 'text after a closing quote' };
    return { ok: false, errors: [{ line: csv.line, message: why }] };
  }
  const [header, ...rows] = csv.records;
  if (header === undefined) {
    return { ok: false, errors: [err(1, 'tệp rỗng', 'the file is empty')] };
  }

  const columns = header.fields.map((f) => clean(f).toLowerCase());
  const headerErrors: ImportError[] = [];
  columns.forEach((c, i) => {
    if (!KNOWN.has(c)) headerErrors.push(err(header.line, `cột không hợp lệ "${c}"`, `unknown column "${c}"`));
    else if (columns.indexOf(c) !== i)
      headerErrors.push(err(header.line, `cột "${c}" bị lặp`, `duplicate column "${c}"`));
  });
  for (const r of REQUIRED) {
    if (!columns.includes(r)) headerErrors.push(err(header.line, `thiếu cột "${r}"`, `missing column "${r}"`));
  }
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const errors: ImportError[] = [];
  const data: Commune[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      errors.push(
        err(
          row.line,
          `cần ${columns.length} trường, có ${row.fields.length}`,
          `expected ${columns.length} fields, found ${row.fields.length}`,
        ),
      );
      continue;
    }
    const get = (c: Column): string | undefined => {
      const i = columns.indexOf(c);
      return i < 0 ? undefined : clean(row.fields[i] ?? '');
    };
    const kindText = get('kind') ?? '';
    const kind = parseKind(kindText);
    if (kind === undefined) {
      errors.push(
        err(
          row.line,
          `cột kind: không nhận ra "${kindText}" (xã, phường, đặc khu)`,
          `column kind: unknown "${kindText}" (xa, phuong, dac_khu)`,
        ),
      );
      continue;
    }
    const bare = get('name') ?? '';
    if (bare === '') {
      errors.push(err(row.line, 'cột name: tên không được để trống', 'column name: name must not be empty'));
      continue;
    }
    const name = withCommunePrefix(bare, kind);
    const nameEnText = get('name_en');
    const parsed = CommuneSchema.safeParse({
      code: padDigits(get('code') ?? '', 5),
      name,
      nameEn: nameEnText === undefined || nameEnText === '' ? communeNameEn(name, kind) : nameEnText,
      kind,
      provinceCode: padDigits(get('province_code') ?? '', 2),
      placeholder: false,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0]);
        errors.push({ line: row.line, message: columnText(column, issueText(issue)) });
      }
      continue;
    }
    const first = firstLineOf.get(parsed.data.code);
    if (first !== undefined) {
      errors.push(
        err(
          row.line,
          `trùng mã "${parsed.data.code}" (đã có ở dòng ${first})`,
          `duplicate code "${parsed.data.code}" (first on line ${first})`,
        ),
      );
      continue;
    }
    firstLineOf.set(parsed.data.code, row.line);
    data.push(parsed.data);
  }
  if (rows.length === 0) errors.push(err(header.line, 'tệp không có dòng dữ liệu', 'the file has no data rows'));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
