import type { z } from 'zod';
import { bilingual, type BilingualText } from '../i18n.js';

/** One failing field, as returned to vendors: where, why, and a message a person can act on. */
export interface FieldIssue {
  /** Index of the event in the batch; absent for request-level issues. */
  index?: number;
  /** Field path, e.g. `events[3].alerts[0].severity`. */
  path: string;
  /** Stable machine-readable reason (zod issue code or a domain reason). */
  reason: string;
  message: BilingualText;
}

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function isBilingual(value: unknown): value is BilingualText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).vi === 'string' &&
    typeof (value as Record<string, unknown>).en === 'string'
  );
}

const TYPE_NAMES_VI: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'mảng',
  int: 'số nguyên',
};

function describeBound(
  issue: { origin: string; inclusive?: boolean },
  bound: number | bigint,
  direction: 'max' | 'min',
): BilingualText {
  const b = String(bound);
  switch (issue.origin) {
    case 'string':
      return direction === 'max'
        ? bilingual(`Chuỗi dài quá ${b} ký tự.`, `Text is longer than ${b} characters.`)
        : bilingual(`Chuỗi phải có ít nhất ${b} ký tự.`, `Text must have at least ${b} characters.`);
    case 'array':
      return direction === 'max'
        ? bilingual(`Danh sách có quá ${b} phần tử.`, `List has more than ${b} items.`)
        : bilingual(`Danh sách phải có ít nhất ${b} phần tử.`, `List must have at least ${b} items.`);
    default: {
      const strict = issue.inclusive === false;
      if (direction === 'max') {
        return strict
          ? bilingual(`Giá trị phải nhỏ hơn ${b}.`, `Value must be less than ${b}.`)
          : bilingual(`Giá trị không được lớn hơn ${b}.`, `Value must be at most ${b}.`);
      }
      return strict
        ? bilingual(`Giá trị phải lớn hơn ${b}.`, `Value must be greater than ${b}.`)
        : bilingual(`Giá trị không được nhỏ hơn ${b}.`, `Value must be at least ${b}.`);
    }
  }
}

function messageFor(issue: z.core.$ZodIssue): { reason: string; message: BilingualText } {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return {
          reason: 'required',
          message: bilingual('Thiếu trường bắt buộc.', 'Required field is missing.'),
        };
      }
      const vi = TYPE_NAMES_VI[issue.expected] ?? issue.expected;
      return {
        reason: 'invalid_type',
        message: bilingual(`Kiểu dữ liệu sai: cần ${vi}.`, `Wrong type: expected ${issue.expected}.`),
      };
    }
    case 'too_big':
      return { reason: 'too_big', message: describeBound(issue, issue.maximum, 'max') };
    case 'too_small':
      return { reason: 'too_small', message: describeBound(issue, issue.minimum, 'min') };
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return {
          reason: 'invalid_datetime',
          message: bilingual(
            'Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2025-07-01T16:58:03+07:00.',
            'Instant must be ISO 8601 with an offset, e.g. 2025-07-01T16:58:03+07:00.',
          ),
        };
      }
      if (issue.format === 'date') {
        return {
          reason: 'invalid_date',
          message: bilingual('Ngày phải có dạng YYYY-MM-DD.', 'Date must be YYYY-MM-DD.'),
        };
      }
      return {
        reason: 'invalid_format',
        message: bilingual(
          `Giá trị không đúng định dạng${issue.pattern ? ` ${issue.pattern}` : ''}.`,
          `Value does not match the expected format${issue.pattern ? ` ${issue.pattern}` : ''}.`,
        ),
      };
    case 'unrecognized_keys':
      return {
        reason: 'unknown_field',
        message: bilingual(
          `Trường không được phép: ${issue.keys.join(', ')}.`,
          `Unknown field(s): ${issue.keys.join(', ')}.`,
        ),
      };
    case 'invalid_value':
      return {
        reason: 'invalid_value',
        message: bilingual(
          `Giá trị phải là một trong: ${issue.values.map(String).join(', ')}.`,
          `Value must be one of: ${issue.values.map(String).join(', ')}.`,
        ),
      };
    case 'custom': {
      const params: Record<string, unknown> = issue.params ?? {};
      const message = params.message;
      return {
        reason: typeof params.reason === 'string' ? params.reason : 'invalid',
        message: isBilingual(message) ? message : bilingual('Giá trị không hợp lệ.', 'Invalid value.'),
      };
    }
    default:
      return {
        reason: issue.code,
        message: bilingual('Giá trị không hợp lệ.', 'Invalid value.'),
      };
  }
}

/** Turns a zod error into vendor-facing issues with bilingual messages and exact paths. */
export function toFieldIssues(error: z.ZodError, opts: { index?: number; pathPrefix?: string } = {}): FieldIssue[] {
  return error.issues.map((issue) => {
    const { reason, message } = messageFor(issue);
    const keys = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? issue.keys : [];
    const path = formatPath([...issue.path, ...keys], opts.pathPrefix ?? '');
    return opts.index === undefined ? { path, reason, message } : { index: opts.index, path, reason, message };
  });
}
