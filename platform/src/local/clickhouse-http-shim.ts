import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import type { ChdbResult } from 'chdb';
import { ChdbSessionPool } from './chdb-session-pool.js';
import { parseMultipartFields } from './clickhouse-shim-multipart.js';
import { parseShimRequest, ShimRequestError, type ShimRequest } from './clickhouse-shim-request.js';

export interface ClickHouseShimOptions {
  /** chDB data directory; one process owns it, so run the shim in its own process to share a store. */
  dataPath: string;
  host?: string;
  /** 0 (default) = any free port. */
  port?: number;
  /** Parallel chDB sessions (requests beyond that wait). */
  sessions?: number;
  /**
   * Fault injection: hold the answer to every INSERT this long after the data
   * is stored, so a client killed in that window has written rows it never
   * saw acknowledged (the "crash between insert and ack" case).
   */
  insertReplyDelayMs?: number;
}

export interface ClickHouseShim {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** ClickHouse's own default `http_max_uri_size`: long parameter lists fit, as on a real server. */
const MAX_URI_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const encoding = req.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  if (encoding === 'deflate') return inflateSync(raw).toString('utf8');
  if (encoding && encoding !== 'identity') {
    throw new ShimRequestError(48, 'NOT_IMPLEMENTED', `Content-Encoding ${encoding} is not supported by the shim`);
  }
  return raw.toString('utf8');
}

function summary(sql: string, result: ChdbResult): string {
  const isInsert = /^\s*INSERT\b/i.test(sql);
  const rows = String(result.rowsRead);
  const bytes = String(result.bytesRead);
  return JSON.stringify({
    read_rows: rows,
    read_bytes: bytes,
    written_rows: isInsert ? rows : '0',
    written_bytes: isInsert ? bytes : '0',
    total_rows_to_read: '0',
    result_rows: isInsert ? '0' : rows,
    result_bytes: isInsert ? '0' : String(result.bytes().byteLength),
    elapsed_ns: String(Math.round(result.elapsed * 1e9)),
  });
}

/** The server's error shape: `Code: N. DB::Exception: … (TYPE)`, which @clickhouse/client parses into a typed error. */
function describeError(err: unknown): { code: number; text: string } {
  if (err instanceof ShimRequestError) {
    return { code: err.code, text: `Code: ${err.code}. DB::Exception: ${err.message}. (${err.type})` };
  }
  const message = err instanceof Error ? err.message : String(err);
  const code = Number(/Code: (\d+)/.exec(message)?.[1] ?? 1000);
  return {
    code,
    text: message.startsWith('Code:') ? message : `Code: ${code}. DB::Exception: ${message}. (STD_EXCEPTION)`,
  };
}

function send(res: ServerResponse, req: IncomingMessage, status: number, body: Buffer, compress: boolean): void {
  const accepts = String(req.headers['accept-encoding'] ?? '').includes('gzip');
  if (compress && accepts) {
    res.setHeader('Content-Encoding', 'gzip');
    body = gzipSync(body);
  }
  res.writeHead(status, { 'Content-Length': body.byteLength });
  res.end(body);
}

async function handleQuery(
  pool: ChdbSessionPool,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  insertReplyDelayMs: number,
) {
  let parsed: ShimRequest | undefined;
  const queryId = url.searchParams.get('query_id') ?? randomUUID();
  res.setHeader('X-ClickHouse-Query-Id', queryId);
  res.setHeader('X-ClickHouse-Timezone', 'UTC');
  try {
    const body = req.method === 'POST' ? await readBody(req) : '';
    // Long parameter lists may come as multipart form fields instead of URL parameters.
    const fields = parseMultipartFields(String(req.headers['content-type'] ?? ''), body);
    const search = new URLSearchParams(url.searchParams);
    for (const [name, value] of fields ?? []) search.set(name, value);
    parsed = parseShimRequest(search, fields ? '' : body);
    if (parsed.sessionId) {
      throw new ShimRequestError(48, 'NOT_IMPLEMENTED', 'HTTP sessions (session_id) are not supported by the shim');
    }
    const result = await pool.execute(parsed);
    if (insertReplyDelayMs > 0 && /^\s*INSERT\b/i.test(parsed.sql)) {
      await new Promise((r) => setTimeout(r, insertReplyDelayMs));
    }
    res.setHeader('X-ClickHouse-Summary', summary(parsed.sql, result));
    res.setHeader('Content-Type', 'text/plain; charset=UTF-8');
    send(res, req, 200, Buffer.from(result.bytes()), parsed.compressResponse);
  } catch (err) {
    const { code, text } = describeError(err);
    res.setHeader('X-ClickHouse-Exception-Code', String(code));
    res.setHeader('Content-Type', 'text/plain; charset=UTF-8');
    send(res, req, 500, Buffer.from(`${text}\n`), parsed?.compressResponse ?? false);
  }
}

/**
 * The ClickHouse HTTP interface over the embedded engine (chDB), close enough
 * for @clickhouse/client's real HTTP transport: `GET /ping`, `GET|POST
 * /?query=…&param_*=…&<settings>` with the body as SQL or insert data,
 * `X-ClickHouse-Summary`, and errors as HTTP 500 with
 * `X-ClickHouse-Exception-Code`. Settings and `database` hold for one request
 * only; query parameters may also come as multipart form fields. Not
 * supported (answered with NOT_IMPLEMENTED): HTTP sessions. No
 * authentication: bind it to loopback.
 */
export async function startClickHouseShim(opts: ClickHouseShimOptions): Promise<ClickHouseShim> {
  const { Session } = await import('chdb');
  const pool = new ChdbSessionPool(() => new Session(opts.dataPath), opts.sessions ?? 2);
  const server: Server = createServer({ maxHeaderSize: MAX_URI_BYTES }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://shim');
    if (url.pathname === '/ping' || (url.pathname === '/' && req.method === 'GET' && !url.searchParams.has('query'))) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
      res.end('Ok.\n');
      return;
    }
    if (url.pathname !== '/' || (req.method !== 'POST' && req.method !== 'GET')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8' });
      res.end('There is no handle ' + url.pathname + '\n');
      return;
    }
    void handleQuery(pool, req, res, url, opts.insertReplyDelayMs ?? 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
