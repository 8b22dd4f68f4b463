import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateToken, type ApiKeyRecord } from '../src/auth/api-keys.js';
import { signBody } from '../src/auth/signatures.js';
import { NOW, sample } from '@kh02/testkit';
import { startIngestHarness, type IngestHarness } from '@kh02/testkit';

const { token, secretSha256 } = generateToken('vnpt-signed');
const signedKey: ApiKeyRecord = {
  id: 'vnpt-signed',
  label: 'VNPT (signed requests)',
  kind: 'vendor',
  vendor: 'VNPT',
  secret_sha256: [secretSha256],
  rate_per_sec: 100,
  burst: 100,
  require_signature: true,
  disabled: false,
};

let h: IngestHarness;
beforeEach(async () => {
  h = await startIngestHarness({ extraKeys: [signedKey] });
});
afterEach(async () => h.close());

function signed(body: unknown, opts: { t?: number; nonce?: string; key?: string } = {}) {
  const raw = JSON.stringify(body);
  const t = opts.t ?? Math.floor(NOW / 1000);
  const nonce = opts.nonce ?? randomBytes(12).toString('base64url');
  return h.app.inject({
    method: 'POST',
    url: '/v1/health-samples',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
      'kh02-signature': `t=${t},n=${nonce},v1=${signBody(opts.key ?? secretSha256, t, nonce, raw)}`,
    },
    payload: raw,
  });
}

describe('HMAC-signed requests', () => {
  it('accepts a correctly signed request', async () => {
    expect((await signed(sample())).statusCode).toBe(202);
  });

  it('refuses an unsigned request from a key that requires signatures', async () => {
    const res = await h.post('/v1/health-samples', sample(), { token });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('BAD_SIGNATURE');
  });

  it('refuses a wrong signature, a stale timestamp and a replayed nonce, storing nothing', async () => {
    const wrong = await signed(sample(), { key: 'f'.repeat(64) });
    const stale = await signed(sample(), { t: Math.floor(NOW / 1000) - 600 });
    expect([wrong.statusCode, stale.statusCode]).toEqual([401, 401]);
    const nonce = randomBytes(12).toString('base64url');
    expect((await signed(sample(), { nonce })).statusCode).toBe(202);
    const replay = await signed(sample(), { nonce });
    expect(replay.statusCode).toBe(409);
    expect(replay.json<{ error: { code: string; message: { vi: string } } }>().error).toMatchObject({
      code: 'REPLAYED_REQUEST',
    });
    expect(await h.telemetryMessages()).toBe(1);
  });
});
