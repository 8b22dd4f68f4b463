/**
 * Turns one ClickHouse HTTP-interface request (URL parameters + body) into
 * what the chDB engine needs: the SQL text, per-request settings, bound query
 * parameters, the default database and the output format. Pure: no I/O.
 */

export interface ShimRequest {
  sql: string;
  /** Per-request settings, applied for this request only. */
  settings: Record<string, string>;
  /** `{name:Type}` parameter values, already unescaped (null = SQL NULL). */
  params: Record<string, string | null>;
  database: string | undefined;
  /** Used when the SQL has no FORMAT clause (HTTP default: TabSeparated). */
  format: string;
  queryId: string | undefined;
  sessionId: string | undefined;
  /** The client asked for a compressed response (enable_http_compression=1). */
  compressResponse: boolean;
}

/** URL parameters that are part of the HTTP protocol, not engine settings. */
const PROTOCOL_PARAMS = new Set([
  'query',
  'database',
  'default_format',
  'query_id',
  'session_id',
  'session_timeout',
  'session_check',
  'user',
  'password',
  'quota_key',
  'role',
  'compress',
  'decompress',
  'buffer_size',
]);

/**
 * Settings that only exist in ClickHouse's HTTP server layer. @clickhouse/client
 * sends some of them; the embedded engine rejects them as unknown, and here
 * they have nothing to act on (the shim always answers after the query ends).
 */
const HTTP_ONLY_SETTINGS = new Set([
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_response_buffer_size',
  'http_headers_progress_interval_ms',
  'http_send_progress_interval_ms',
  'enable_http_compression',
  'http_zlib_compression_level',
  'http_response_compression_method',
  'http_native_compression_disable_checksumming_on_decompress',
]);

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ESCAPES: Record<string, string> = { '\\': '\\', '0': '\0', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A query parameter arrives in ClickHouse's Escaped text form. chDB's binder
 * re-escapes string values itself (backslash and control characters only), so
 * the shim decodes them first. chDB cannot carry an escaped quote `\'` through,
 * so a quote inside a composite literal (Array, Tuple, Map) becomes the
 * equivalent doubled quote `''`; in a plain value it is just `'`.
 */
export function paramValueForChdb(raw: string, composite: boolean): string {
  return raw.replace(/\\(.)/gs, (_m, c: string) => (c === "'" ? (composite ? "''" : "'") : (ESCAPES[c] ?? c)));
}

/** Whether `{name:Type}` in the SQL declares a composite type (its value is a literal with quoted strings). */
function isCompositeParam(sql: string, name: string): boolean {
  const escaped = name.replace(/[^A-Za-z0-9_]/g, '');
  const declared = new RegExp(
    `\\{\\s*${escaped}\\s*:\\s*(?:Nullable\\(|LowCardinality\\()*(Array|Tuple|Map|Nested)\\b`,
  );
  return declared.test(sql);
}

export class ShimRequestError extends Error {
  override readonly name = 'ShimRequestError';
  constructor(
    readonly code: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseShimRequest(search: URLSearchParams, body: string): ShimRequest {
  const head = search.get('query') ?? '';
  // Like the server: the URL's query, then the body (the rest of the SQL, or the insert data).
  const sql = head && body ? `${head}\n${body}` : head || body;
  if (sql.trim() === '') throw new ShimRequestError(62, 'SYNTAX_ERROR', 'Empty query');
  const settings: Record<string, string> = {};
  const params: Record<string, string | null> = {};
  for (const [key, value] of search) {
    if (key.startsWith('param_')) {
      const name = key.slice('param_'.length);
      params[name] = value === '\\N' ? null : paramValueForChdb(value, isCompositeParam(sql, name));
      continue;
    }
    if (PROTOCOL_PARAMS.has(key) || HTTP_ONLY_SETTINGS.has(key)) continue;
    if (!SETTING_NAME.test(key)) throw new ShimRequestError(115, 'UNKNOWN_SETTING', `Invalid setting name ${key}`);
    settings[key] = value;
  }
  const database = search.get('database') ?? undefined;
  if (database !== undefined && !SETTING_NAME.test(database)) {
    throw new ShimRequestError(81, 'UNKNOWN_DATABASE', `Invalid database name ${database}`);
  }
  return {
    sql,
    settings,
    params,
    database,
    format: search.get('default_format') ?? 'TabSeparated',
    queryId: search.get('query_id') ?? undefined,
    sessionId: search.get('session_id') ?? undefined,
    compressResponse: search.get('enable_http_compression') === '1',
  };
}

/** A ClickHouse string literal (the engine parses numeric and boolean settings from strings too). */
export function settingLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
