/*
 * Parsers for answers whose zod schema lives in @kh02/schemas only item by
 * item (lists) or not at all (the report and data-source panels are defined
 * in the api package). A structural check keeps a wrong shape from reaching
 * the components; it throws, which the client turns into BAD_RESPONSE.
 */
import type { Parser } from './rest';

export function arrayOf<T>(item: Parser<T>): Parser<T[]> {
  return {
    parse(data: unknown): T[] {
      if (!Array.isArray(data)) throw new TypeError('expected an array');
      return data.map((d) => item.parse(d));
    },
  };
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks that `data` is an object with the given keys of the given kinds, then trusts the rest of its type. */
export function shaped<T>(spec: Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array' | 'present'>) {
  return {
    parse(data: unknown): T {
      if (!isObject(data)) throw new TypeError('expected an object');
      for (const [key, kind] of Object.entries(spec)) {
        const v = data[key];
        const ok =
          kind === 'array'
            ? Array.isArray(v)
            : kind === 'object'
              ? isObject(v)
              : kind === 'present'
                ? v !== undefined
                : typeof v === kind;
        if (!ok) throw new TypeError(`field ${key} is not ${kind}`);
      }
      return data as T;
    },
  } satisfies Parser<T>;
}
