import { createRequire } from 'node:module';

/**
 * snappyjs (MIT, pure JavaScript, the snappy block format remote-write uses)
 * ships no type declarations; these are the two functions of its documented
 * API we call. Loaded through require so no ambient module declaration has to
 * follow this package into every project that compiles it.
 */
interface SnappyJs {
  /** Throws on a corrupt stream, or when the declared length exceeds `maxLength`. */
  uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  compress(uncompressed: Uint8Array): Uint8Array;
}

const snappyjs = createRequire(import.meta.url)('snappyjs') as SnappyJs;

export const uncompressSnappy = (compressed: Uint8Array, maxLength: number): Uint8Array =>
  snappyjs.uncompress(compressed, maxLength);

export const compressSnappy = (bytes: Uint8Array): Uint8Array => snappyjs.compress(bytes);
