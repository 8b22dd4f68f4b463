import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Optional request signing (Stripe / Standard Webhooks style):
 *   KH02-Signature: t=<unix seconds>,n=<nonce>,v1=<hex HMAC-SHA256(K, "<t>.<n>.<raw body>")>
 * with K = hex SHA-256 of the key's secret — the only form the server keeps,
 * so a leaked key file still cannot be used as a bearer token. A timestamp
 * outside ±5 min or a reused nonce is refused, so a captured request cannot
 * be replayed.
 */
export const SIGNATURE_HEADER = 'kh02-signature';
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' | 'replayed' };

export function signBody(signingKeyHex: string, t: number, nonce: string, rawBody: Buffer | string): string {
  return createHmac('sha256', signingKeyHex).update(`${t}.${nonce}.`).update(rawBody).digest('hex');
}

/** Remembers nonces for the tolerance window (per process; the Idempotency-Key dedups across processes). */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  /** True if new (and remembers it). */
  claim(keyId: string, nonce: string, nowMs: number): boolean {
    for (const [k, at] of this.seen) {
      if (at >= nowMs - 2 * SIGNATURE_TOLERANCE_MS) break;
      this.seen.delete(k);
    }
    const k = `${keyId}:${nonce}`;
    if (this.seen.has(k)) return false;
    this.seen.set(k, nowMs);
    return true;
  }
}

export function verifySignature(
  header: string | undefined,
  rawBody: Buffer,
  signingKeysHex: string[],
  keyId: string,
  nonces: NonceCache,
  nowMs: number,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  const nonce = parts.n;
  const v1 = parts.v1;
  if (!Number.isInteger(t) || !nonce || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce) || !v1 || !/^[a-f0-9]{64}$/.test(v1)) {
    return { ok: false, reason: 'malformed' };
  }
  if (Math.abs(nowMs - t * 1000) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: 'stale' };
  const given = Buffer.from(v1, 'hex');
  // Either of the key's two secrets (rotation) may have signed.
  const match = signingKeysHex.some((k) => timingSafeEqual(Buffer.from(signBody(k, t, nonce, rawBody), 'hex'), given));
  if (!match) return { ok: false, reason: 'mismatch' };
  if (!nonces.claim(keyId, nonce, nowMs)) return { ok: false, reason: 'replayed' };
  return { ok: true };
}
