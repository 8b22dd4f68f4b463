// @ts-check
// Plain ESM with no imports: k6 and Node load this same file.

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Seconds in a k6 duration string ('500ms', '15s', '2m', '1m30s'), or a bare
 * number of seconds.
 * @param {string | number} text
 * @returns {number}
 */
export function parseDuration(text) {
  if (typeof text === 'number') return text;
  // A plain exec loop rather than matchAll: the oldest k6 runtimes this should load in lack it.
  const unit = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let seconds = 0;
  let consumed = '';
  for (let m = unit.exec(text); m !== null; m = unit.exec(text)) {
    consumed += m[0];
    seconds += Number(m[1]) * UNIT_SECONDS[/** @type {'ms'|'s'|'m'|'h'} */ (m[2])];
  }
  if (consumed === '' || consumed !== text.trim()) throw new Error(`not a k6 duration: ${text}`);
  return seconds;
}

/**
 * The k6 spelling of a number of seconds ('15s', '250ms').
 * @param {number} seconds
 * @returns {string}
 */
export function formatDuration(seconds) {
  if (Number.isInteger(seconds)) return `${seconds}s`;
  return `${Math.round(seconds * 1000)}ms`;
}
