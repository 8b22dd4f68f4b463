/**
 * What an insert failure says about the data:
 * - `transient`: the store is unreachable or overloaded (no error code, or a
 *   code for timeouts, memory, too many parts, a read-only replica…): retry
 *   the same batch with capped backoff, for as long as it takes;
 * - `data`: ClickHouse could not read or convert a value (parse, escape,
 *   type, range errors): the batch holds poison; find it by bisection;
 * - `unknown`: any other server error: retried a few times, then treated as
 *   poison, so no message can block the stream for ever.
 */
export type InsertErrorClass = 'transient' | 'data' | 'unknown';

const DATA_CODES = new Set([
  '6', // CANNOT_PARSE_TEXT
  '25', // CANNOT_PARSE_ESCAPE_SEQUENCE (e.g. a lone surrogate \ud800)
  '26', // CANNOT_PARSE_QUOTED_STRING
  '27', // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  '32', // ATTEMPT_TO_READ_AFTER_EOF
  '33', // CANNOT_READ_ALL_DATA
  '38', // CANNOT_PARSE_DATE
  '41', // CANNOT_PARSE_DATETIME
  '53', // TYPE_MISMATCH
  '69', // ARGUMENT_OUT_OF_BOUND
  '70', // CANNOT_CONVERT_TYPE
  '72', // CANNOT_PARSE_NUMBER
  '117', // INCORRECT_DATA
  '131', // TOO_LARGE_STRING_SIZE
  '321', // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
  '349', // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
  '407', // DECIMAL_OVERFLOW
]);

const TRANSIENT_CODES = new Set([
  '3', // UNEXPECTED_END_OF_FILE (connection cut mid-insert)
  '159', // TIMEOUT_EXCEEDED
  '160', // TOO_SLOW
  '164', // READONLY
  '202', // TOO_MANY_SIMULTANEOUS_QUERIES
  '203', // NO_FREE_CONNECTION
  '209', // SOCKET_TIMEOUT
  '210', // NETWORK_ERROR
  '236', // ABORTED
  '241', // MEMORY_LIMIT_EXCEEDED
  '242', // TABLE_IS_READ_ONLY
  '252', // TOO_MANY_PARTS
  '285', // TOO_FEW_LIVE_REPLICAS
  '319', // UNKNOWN_STATUS_OF_INSERT
  '394', // QUERY_WAS_CANCELLED
  '425', // SYSTEM_ERROR
  '439', // CANNOT_SCHEDULE_TASK
  '999', // KEEPER_EXCEPTION
  '1000', // POCO_EXCEPTION
]);

export function classifyInsertError(err: unknown): InsertErrorClass {
  if (typeof err !== 'object' || err === null) return 'transient';
  const code = (err as { code?: unknown }).code;
  // Node and network errors carry string codes like ECONNREFUSED: the store is away, not the data bad.
  if (typeof code !== 'string' || !/^\d+$/.test(code)) return 'transient';
  if (DATA_CODES.has(code)) return 'data';
  if (TRANSIENT_CODES.has(code)) return 'transient';
  return 'unknown';
}

/** 100 ms, 200 ms, … capped at 5 s (Prometheus remote-write's cap): never hammer a struggling store. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 10));
}

/** Attempts before a batch failing with an `unknown` error is bisected as poison. */
export const UNKNOWN_ERROR_ATTEMPTS = 3;
