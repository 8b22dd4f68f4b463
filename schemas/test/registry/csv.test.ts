import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../src/registry/csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const r = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['multi\nline', 'z'] },
      ],
    });
  });

  it('skips blank lines, strips a BOM and keeps true line numbers', () => {
    const r = parseCsv('\uFEFFa\n\nb\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a'] },
        { line: 3, fields: ['b'] },
      ],
    });
  });

  it('keeps an empty quoted field as a value', () => {
    expect(parseCsv('""')).toEqual({ ok: true, records: [{ line: 1, fields: [''] }] });
  });

  it('reports an unterminated quote and text after a closing quote', () => {
    expect(parseCsv('a\n"open')).toEqual({ ok: false, line: 2, reason: 'unterminated_quote' });
    expect(parseCsv('"a"b')).toEqual({ ok: false, line: 1, reason: 'text_after_quote' });
  });

  it('detects the semicolon separator of Vietnamese-locale Excel', () => {
    expect(detectDelimiter('code;name;kind;province_code\n')).toBe(';');
    expect(detectDelimiter('code,name\n')).toBe(',');
    expect(parseCsv('a;b', ';')).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b'] }] });
  });
});
