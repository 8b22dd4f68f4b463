/**
 * Bilingual error text. Every message an operator may read is Vietnamese
 * first, English second, like the rest of the wall.
 */
import type { z } from 'zod';

export function bilingual(vi: string, en: string): string {
  return `${vi} / ${en}`;
}

// zod's built-in messages are English only; a Vietnamese gloss keeps every line bilingual.
const VI_BY_CODE: Readonly<Record<string, string>> = {
  invalid_type: 'sai kiểu dữ liệu',
  unrecognized_keys: 'có trường không được phép',
  too_small: 'quá nhỏ hoặc quá ít',
  too_big: 'quá lớn hoặc quá nhiều',
  invalid_format: 'sai định dạng',
  invalid_value: 'giá trị không được phép',
  invalid_union: 'không khớp kiểu nào',
  not_multiple_of: 'không chia hết',
};

/** `years[0].holidays[2].to: <vi> / <en>` */
export function formatZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  const vi = VI_BY_CODE[issue.code];
  const message = vi ? bilingual(vi, issue.message) : issue.message;
  return `${path || '(root)'}: ${message}`;
}

/** Thrown for an invalid config file; `issues` holds one bilingual line per problem. */
export class ConfigValidationError extends Error {
  readonly issues: readonly string[];

  constructor(title: string, issues: readonly string[]) {
    super([title, ...issues.map((issue) => `  - ${issue}`)].join('\n'));
    this.name = 'ConfigValidationError';
    this.issues = issues;
  }
}
