/*
 * Parsers for answers whose zod schema lives in @kh02/schemas only item by
 * item (lists), and the object check the hand-written parsers share. A wrong
 * shape throws, which the client turns into BAD_RESPONSE.
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
