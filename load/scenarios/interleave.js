// @ts-check

/**
 * @typedef {object} Interleave
 * @property {number} cycle         sum of the weights
 * @property {Int32Array} stream    stream index at each position of one cycle
 * @property {Int32Array} rank      how many earlier positions of the cycle went to the same stream
 * @property {number[]} weights
 */

/**
 * Spreads streams over one cycle in proportion to their weights (smooth
 * weighted round-robin), so a 7:3 mix alternates instead of sending seven
 * counters then three samples, and a "3,355 : 242" cycle covers every
 * source exactly once.
 * @param {number[]} weights positive integers
 * @returns {Interleave}
 */
export function interleave(weights) {
  if (weights.length === 0 || weights.some((w) => !Number.isInteger(w) || w <= 0)) {
    throw new Error(`weights must be positive integers, got ${weights.join(',')}`);
  }
  const cycle = weights.reduce((a, b) => a + b, 0);
  const stream = new Int32Array(cycle);
  const rank = new Int32Array(cycle);
  const current = weights.map(() => 0);
  const used = weights.map(() => 0);
  for (let pos = 0; pos < cycle; pos++) {
    let best = 0;
    for (let j = 0; j < weights.length; j++) {
      current[j] = (current[j] ?? 0) + (weights[j] ?? 0);
      if ((current[j] ?? 0) > (current[best] ?? 0)) best = j;
    }
    current[best] = (current[best] ?? 0) - cycle;
    stream[pos] = best;
    rank[pos] = used[best] ?? 0;
    used[best] = (used[best] ?? 0) + 1;
  }
  return { cycle, stream, rank, weights };
}

/**
 * Which stream iteration `i` belongs to, and its index `k` within that stream.
 * @param {Interleave} table
 * @param {number} i
 * @returns {{ stream: number, k: number }}
 */
export function pickStream(table, i) {
  const q = Math.floor(i / table.cycle);
  const pos = i - q * table.cycle;
  const stream = table.stream[pos] ?? 0;
  return { stream, k: q * (table.weights[stream] ?? 0) + (table.rank[pos] ?? 0) };
}
