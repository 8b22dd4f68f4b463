/**
 * ClickHouse error codes that mean "this data can never be inserted"; every
 * other failure (network, timeouts, too many parts, memory, server down) is
 * transient and retried with capped backoff.
 */
const PERMANENT_CODES = new Set([
  '6', // CANNOT_PARSE_TEXT
  '26', // CANNOT_PARSE_QUOTED_STRING
  '27', // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  '38', // CANNOT_PARSE_DATE
  '41', // CANNOT_PARSE_DATETIME
  '53', // TYPE_MISMATCH
  '69', // ARGUMENT_OUT_OF_BOUND
  '70', // CANNOT_CONVERT_TYPE
  '72', // CANNOT_PARSE_NUMBER
  '117', // INCORRECT_DATA
  '321', // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
]);

export function isPermanentInsertError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && PERMANENT_CODES.has(code);
}

/** 100 ms, 200 ms, … capped at 5 s (Prometheus remote-write's cap): never hammer a struggling store. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 10));
}
