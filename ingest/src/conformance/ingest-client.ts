import { createHash, randomBytes } from 'node:crypto';
import { signBody } from '../auth/signatures.js';

export interface PostOptions {
  /** Bearer token; '' sends no credentials at all. */
  token: string;
  /** '' sends no Idempotency-Key header. */
  idempotencyKey: string;
  contentType?: string;
  /** Sign with KH02-Signature using the token's secret (keys created with --require-signature). */
  sign?: boolean;
  /** Replace the signature with garbage, to check the server refuses it. */
  badSignature?: boolean;
}

export interface IngestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  text: string;
}

const TOKEN = /^kh02_([a-z0-9][a-z0-9-]{2,39})_([A-Za-z0-9_-]{32,128})$/;

/** Key id and secret of a `kh02_<id>_<secret>` token, or undefined when it is not one. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = TOKEN.exec(token);
  return m?.[1] && m[2] ? { id: m[1], secret: m[2] } : undefined;
}

function signatureHeader(token: string, body: string, nowMs: number): string {
  const parsed = parseToken(token);
  if (!parsed) throw new Error('cannot sign: the token is not kh02_<id>_<secret>');
  // The server keeps only sha256(secret); that hex string is the HMAC key.
  const key = createHash('sha256').update(parsed.secret).digest('hex');
  const t = Math.floor(nowMs / 1000);
  const nonce = randomBytes(12).toString('base64url');
  return `t=${t},n=${nonce},v1=${signBody(key, t, nonce, body)}`;
}

/** A thin HTTP client for the ingest API that shows the conformance kit every raw answer. */
export class IngestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async post(path: string, body: string, opts: PostOptions): Promise<IngestResponse> {
    const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
    if (opts.token !== '') headers.authorization = `Bearer ${opts.token}`;
    if (opts.idempotencyKey !== '') headers['idempotency-key'] = opts.idempotencyKey;
    if (opts.sign) {
      const sig = signatureHeader(opts.token, body, this.now());
      headers['kh02-signature'] = opts.badSignature ? sig.replace(/v1=[0-9a-f]{4}/, 'v1=0000') : sig;
    }
    return this.send(path, { method: 'POST', headers, body });
  }

  /** A raw body with the given headers (the push protocols: protobuf, snappy). */
  postBytes(path: string, body: Uint8Array, headers: Record<string, string>): Promise<IngestResponse> {
    // A copy typed on a plain ArrayBuffer: what fetch's BodyInit accepts in every lib setting.
    return this.send(path, { method: 'POST', headers, body: new Uint8Array(body) });
  }

  get(path: string): Promise<IngestResponse> {
    return this.send(path, { method: 'GET' });
  }

  private async send(path: string, init: RequestInit): Promise<IngestResponse> {
    const res = await fetch(new URL(path, this.baseUrl), { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }
}
