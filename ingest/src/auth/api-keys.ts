import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VendorCodeSchema } from '@kh02/schemas';
import { SeriesMapSchema } from './series-map.js';

/**
 * One key per vendor contract or reporting unit (Datadog/Grafana style):
 * write-only, scoped to what it may report for, expiring, with up to two
 * valid secrets for rotation. Only SHA-256 hashes of the secrets are stored:
 * secrets are 256-bit random, so a fast hash is safe (no password KDF needed).
 */
export const ApiKeyRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,39}$/),
  label: z.string().min(1).max(200),
  kind: z.enum(['vendor', 'counter']),
  /** Vendor keys: the vendor they report as. */
  vendor: VendorCodeSchema.optional(),
  /**
   * Counter keys: commune-level unit codes or province codes (a province
   * covers all its units). Vendor keys: optional restriction to owner units.
   */
  units: z
    .array(z.string().regex(/^(\d{2}|\d{5}|[A-Z][A-Z0-9]{1,11})$/))
    .max(5000)
    .optional(),
  secret_sha256: z
    .array(z.string().regex(/^[a-f0-9]{64}$/))
    .min(1)
    .max(2),
  rate_per_sec: z.number().positive().max(100_000).default(50),
  burst: z.number().int().positive().max(1_000_000).default(200),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  /** Require HMAC request signatures for this key. */
  require_signature: z.boolean().default(false),
  disabled: z.boolean().default(false),
  /** Vendor keys pushing Prometheus / OTLP metrics: which series belong to which system (see series-map.ts). */
  series_map: SeriesMapSchema.optional(),
});
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;

export const ApiKeyFileSchema = z.strictObject({
  keys: z.array(ApiKeyRecordSchema).max(100_000),
});

const TOKEN_PATTERN = /^kh02_([a-z0-9][a-z0-9-]{2,39})_([A-Za-z0-9_-]{32,128})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new random secret and the token a client sends: `kh02_<id>_<secret>`. */
export function generateToken(id: string): { token: string; secret: string; secretSha256: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `kh02_${id}_${secret}`, secret, secretSha256: hashSecret(secret) };
}

export type KeyCheck =
  | { ok: true; key: ApiKeyRecord; secret: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'bad_secret' | 'expired' | 'disabled' };

export class ApiKeyStore {
  private readonly byId: Map<string, ApiKeyRecord>;

  constructor(records: ApiKeyRecord[]) {
    this.byId = new Map(records.map((r) => [r.id, r]));
  }

  static fromJson(json: unknown): ApiKeyStore {
    return new ApiKeyStore(ApiKeyFileSchema.parse(json).keys);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Verifies a presented token in constant time per candidate secret. */
  verify(token: string | undefined, nowMs: number): KeyCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const m = TOKEN_PATTERN.exec(token);
    if (!m?.[1] || !m[2]) return { ok: false, reason: 'malformed' };
    const key = this.byId.get(m[1]);
    if (!key) return { ok: false, reason: 'unknown' };
    const presented = Buffer.from(hashSecret(m[2]), 'hex');
    const match = key.secret_sha256.some((h) => timingSafeEqual(Buffer.from(h, 'hex'), presented));
    if (!match) return { ok: false, reason: 'bad_secret' };
    if (key.disabled) return { ok: false, reason: 'disabled' };
    if (key.expires_at && Date.parse(key.expires_at) <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, key, secret: m[2] };
  }
}

/** Extracts the token from `Authorization: Bearer …` or `X-Api-Key`. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const x = headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}
