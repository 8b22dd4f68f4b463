import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_ERRORS } from '@kh02/schemas';

/*
 * Checks a vendor's RETRY behaviour, which no request we send can show: the
 * vendor points its real client at this proxy, which answers the first
 * attempt of each new Idempotency-Key with 503 or 429 and a Retry-After, and
 * forwards the retry to the sandbox. A conforming client retries with the
 * same Idempotency-Key and the same body, and not before Retry-After.
 */

export interface RetryProxyOptions {
  /** The sandbox ingest base URL, e.g. http://sandbox:8080. */
  target: string;
  /** Retry-After sent with each injected failure, seconds. */
  retryAfterSec: number;
  /** How many distinct Idempotency-Keys to fail once; later ones pass straight through. */
  keysToTest: number;
  now?: () => number;
}

export interface RetryVerdict {
  idempotencyKey: string;
  injected: 503 | 429;
  firstAt: number;
  retriedAt: number | undefined;
  sameBody: boolean | undefined;
  /** Attempts that came before Retry-After had passed (answered with the same failure again). */
  earlyRetries: number;
  /** Status the sandbox gave the forwarded retry. */
  upstreamStatus: number | undefined;
}

interface Tracked extends RetryVerdict {
  bodyHash: string;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class RetryProxy {
  private readonly tracked = new Map<string, Tracked>();
  private readonly injectedBodies = new Map<string, string>();
  private server: Server | undefined;
  /** Requests sent without an Idempotency-Key (each one a violation). */
  missingKey = 0;
  /** Injected requests whose body came back under a different Idempotency-Key (a retry with a new key). */
  newKeyRetries = 0;

  constructor(private readonly opts: RetryProxyOptions) {}

  async listen(host: string, port: number): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, host, resolve));
    const addr = this.server.address() as AddressInfo;
    return `http://${host}:${addr.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  verdicts(): RetryVerdict[] {
    return [...this.tracked.values()].map(({ bodyHash: _hash, ...v }) => v);
  }

  /** True once every tested key has been retried and forwarded. */
  finished(): boolean {
    const v = this.verdicts();
    return v.length >= this.opts.keysToTest && v.every((x) => x.retriedAt !== undefined);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const key = req.headers['idempotency-key'];
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/')) {
        await this.forward(req, body, res);
        return;
      }
      if (typeof key !== 'string' || key === '') {
        this.missingKey++;
        await this.forward(req, body, res);
        return;
      }
      const hash = sha(body);
      const seen = this.tracked.get(key);
      if (!seen) {
        const owner = this.injectedBodies.get(hash);
        if (owner !== undefined && owner !== key) this.newKeyRetries++;
        if (this.tracked.size >= this.opts.keysToTest) {
          await this.forward(req, body, res);
          return;
        }
        const injected = this.tracked.size % 2 === 0 ? 503 : 429;
        this.tracked.set(key, {
          idempotencyKey: key,
          injected,
          firstAt: this.now(),
          retriedAt: undefined,
          sameBody: undefined,
          earlyRetries: 0,
          upstreamStatus: undefined,
          bodyHash: hash,
        });
        this.injectedBodies.set(hash, key);
        return this.fail(res, injected, this.opts.retryAfterSec);
      }
      if (seen.retriedAt === undefined) {
        const waitedMs = this.now() - seen.firstAt;
        // 100 ms of slack for clocks and scheduling.
        if (waitedMs < this.opts.retryAfterSec * 1000 - 100) {
          seen.earlyRetries++;
          return this.fail(res, seen.injected, Math.ceil((this.opts.retryAfterSec * 1000 - waitedMs) / 1000));
        }
        seen.retriedAt = this.now();
        seen.sameBody = hash === seen.bodyHash;
        seen.upstreamStatus = await this.forward(req, body, res);
        return;
      }
      await this.forward(req, body, res);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`conformance proxy: ${(err as Error).message}`);
    }
  }

  private fail(res: ServerResponse, status: 503 | 429, retryAfterSec: number): void {
    const spec = status === 503 ? API_ERRORS.BUS_UNAVAILABLE : API_ERRORS.RATE_LIMITED;
    const code = status === 503 ? 'BUS_UNAVAILABLE' : 'RATE_LIMITED';
    res
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSec) })
      .end(JSON.stringify({ error: { code, message: spec.message } }));
  }

  private async forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<number> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
    }
    const upstream = await fetch(new URL(req.url ?? '/', this.opts.target), {
      method: req.method ?? 'GET',
      headers,
      // A plain byte view: what fetch's BodyInit accepts under both the Node and the DOM typings.
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'retry-after', 'idempotent-replayed']) {
      const v = upstream.headers.get(name);
      if (v !== null) out[name] = v;
    }
    res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
    return upstream.status;
  }
}
