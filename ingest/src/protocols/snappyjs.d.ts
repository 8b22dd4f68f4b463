// snappyjs ships no types; these are the two functions of its documented API that we use.
declare module 'snappyjs' {
  /** Throws on a corrupt stream, or when the declared length exceeds `maxLength`. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
