/**
 * Deterministic pseudo-randomness for demo data. Every generated commune name
 * and vendor assignment must be identical on every machine and every run,
 * because codes and names end up in stored history and screenshots, so
 * Math.random is never used.
 */

/** FNV-1a 32-bit hash: turns a stable string key into a seed. */
export function hashSeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for shuffling names. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Picks a key with probability proportional to its weight, from one draw. */
export function weightedPick<K extends string>(weights: readonly (readonly [K, number])[], draw: number): K {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let point = draw * total;
  for (const [key, w] of weights) {
    if (point < w) return key;
    point -= w;
  }
  const last = weights[weights.length - 1];
  if (last === undefined) throw new Error('weightedPick: no weights');
  return last[0];
}
