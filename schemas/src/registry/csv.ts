/**
 * Minimal RFC 4180 CSV reader, written here because the registry package must
 * stay dependency-free and browser-safe. Handles a UTF-8 BOM (Excel's
 * "CSV UTF-8" adds one), CRLF/LF, quoted fields with `""` escapes and line
 * breaks inside quotes. Blank lines are skipped.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts, for error messages. */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | {
      readonly ok: false;
      readonly line: number;
      readonly reason: 'unterminated_quote' | 'text_after_quote';
    };

/**
 * Excel with Vietnamese regional settings uses ';' as the list separator, so
 * the delimiter is taken from the header line: ';' if it has one and no ','.
 */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

export function parseCsv(input: string, delimiter: ',' | ';' = ','): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** The current field was quoted, so `""` is an empty value, not a blank line. */
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = (): void => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '' && !quoted) {
      const startLine = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: startLine, reason: 'unterminated_quote' };
        const c = text[i];
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return { ok: false, line, reason: 'text_after_quote' };
      }
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return { ok: true, records };
}
