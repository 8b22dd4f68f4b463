import { bilingual } from '../i18n.js';
import type { FieldIssue } from '../ingest/issues.js';

/**
 * `JSON.parse` accepts text the store cannot hold or that means two things: a
 * lone UTF-16 surrogate escape (`"\ud800"`) becomes a string ClickHouse
 * refuses, and a repeated key silently keeps its last value. This scanner runs
 * over the text once, before `JSON.parse`, and reports the first such problem
 * with its field path. Syntax errors are left to `JSON.parse`: on malformed
 * text the scanner stops without an issue.
 */

type Frame =
  { kind: 'object'; keys: Set<string>; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

function pathOf(stack: readonly Frame[]): string {
  let out = '';
  for (const f of stack) {
    if (f.kind === 'array') out += `[${f.index}]`;
    else if (f.key !== undefined) out += out === '' ? f.key : `.${f.key}`;
  }
  return out === '' ? '(root)' : out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function hex4(text: string, at: number): number {
  const n = Number.parseInt(text.slice(at, at + 4), 16);
  return Number.isNaN(n) ? -1 : n;
}

/** Where a string ends (index of its closing quote), or -1; `lone` is set when it holds an unpaired surrogate. */
function scanString(text: string, start: number): { end: number; lone: boolean; escaped: boolean } {
  let escaped = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { end: i, lone: false, escaped };
    if (c === 0x5c) {
      escaped = true;
      if (text.charCodeAt(i + 1) !== 0x75) {
        i++;
        continue;
      }
      const code = hex4(text, i + 2);
      if (isLow(code)) return { end: -1, lone: true, escaped };
      if (isHigh(code)) {
        const next = text.charCodeAt(i + 6) === 0x5c && text.charCodeAt(i + 7) === 0x75 ? hex4(text, i + 8) : -1;
        if (!isLow(next)) return { end: -1, lone: true, escaped };
        i += 11;
        continue;
      }
      i += 5;
      continue;
    }
    // Raw surrogates cannot come from valid UTF-8, but text may reach us from elsewhere.
    if (isLow(c)) return { end: -1, lone: true, escaped };
    if (isHigh(c)) {
      if (!isLow(text.charCodeAt(i + 1))) return { end: -1, lone: true, escaped };
      i++;
    }
  }
  return { end: -1, lone: false, escaped };
}

export interface JsonTextScan {
  issue: FieldIssue | undefined;
  /** The field path at the end of the text (where a truncated or undecodable body stopped making sense). */
  pathAtEnd: string;
}

export function scanJsonText(text: string): JsonTextScan {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack.at(-1);
    if (c === 0x22) {
      const s = scanString(text, i);
      if (s.lone) {
        if (top?.kind === 'object' && top.expectKey) top.key = undefined;
        return { issue: loneSurrogate(pathOf(stack)), pathAtEnd: pathOf(stack) };
      }
      if (s.end < 0) break;
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(i + 1, s.end);
        let key = raw;
        if (s.escaped) {
          try {
            key = JSON.parse(text.slice(i, s.end + 1)) as string;
          } catch {
            break;
          }
        }
        top.expectKey = false;
        if (top.keys.has(key)) {
          top.key = key;
          return { issue: duplicateKey(pathOf(stack), key), pathAtEnd: pathOf(stack) };
        }
        top.keys.add(key);
        top.key = key;
      }
      i = s.end + 1;
      continue;
    }
    if (c === 0x7b) stack.push({ kind: 'object', keys: new Set(), key: undefined, expectKey: true });
    else if (c === 0x5b) stack.push({ kind: 'array', index: 0 });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c && top) {
      if (top.kind === 'array') top.index++;
      else {
        top.expectKey = true;
        top.key = undefined;
      }
    }
    i++;
  }
  return { issue: undefined, pathAtEnd: pathOf(stack) };
}

function loneSurrogate(path: string): FieldIssue {
  return {
    path,
    reason: 'lone_surrogate',
    message: bilingual(
      'Chuỗi chứa ký tự UTF-16 thay thế (surrogate) đơn lẻ, không phải văn bản Unicode hợp lệ.',
      'The text contains a lone UTF-16 surrogate, which is not valid Unicode.',
    ),
  };
}

function duplicateKey(path: string, key: string): FieldIssue {
  return {
    path,
    reason: 'duplicate_key',
    message: bilingual(
      `Trường "${key}" xuất hiện hơn một lần trong cùng đối tượng.`,
      `The field "${key}" appears more than once in the same object.`,
    ),
  };
}

export function invalidUtf8(path: string, byteOffset: number): FieldIssue {
  return {
    path,
    reason: 'invalid_utf8',
    message: bilingual(
      `Nội dung không phải UTF-8 hợp lệ (byte thứ ${byteOffset}).`,
      `The body is not valid UTF-8 (at byte ${byteOffset}).`,
    ),
  };
}

/** Byte offset of the first invalid UTF-8 sequence (overlong forms and encoded surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cb = bytes[i + k];
      if (cb === undefined || (cb & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
