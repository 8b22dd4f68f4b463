import { defaultRegistry } from '@kh02/schemas/registry';
import { generateToken, type ApiKeyRecord } from '../../src/auth/api-keys.js';
import { NOW, VNPT_SYSTEM } from '@kh02/testkit';

/** A key record with the defaults the key file would fill in. */
function key(id: string, extra: Partial<ApiKeyRecord>): { record: ApiKeyRecord; token: string; signingKey: string } {
  const { token, secretSha256 } = generateToken(id);
  const record: ApiKeyRecord = {
    id,
    label: `bad-input matrix: ${id}`,
    kind: 'vendor',
    vendor: 'VNPT',
    secret_sha256: [secretSha256],
    rate_per_sec: 1_000,
    burst: 5_000,
    require_signature: false,
    disabled: false,
    ...extra,
  };
  return { record, token, signingKey: secretSha256 };
}

/** A VNPT system in another unit than VNPT_SYSTEM (for a key restricted to one unit). */
export const VNPT_OTHER_UNIT_SYSTEM = (() => {
  const s = defaultRegistry()
    .systemsOfVendor('VNPT')
    .find((x) => x.unitCode !== VNPT_SYSTEM.unitCode);
  if (!s) throw new Error('VNPT operates systems of only one unit');
  return s;
})();

/** The special keys the matrix needs besides the demo keys. */
export const MATRIX_KEYS = {
  expired: key('matrix-expired', { expires_at: new Date(NOW - 60_000).toISOString() }),
  revoked: key('matrix-revoked', { disabled: true }),
  /** May report only for VNPT_SYSTEM's unit. */
  oneUnit: key('matrix-one-unit', { units: [VNPT_SYSTEM.unitCode] }),
  /** 1 request/s, burst 3; the harness clock stands still, so the bucket never refills. */
  flood: key('matrix-flood', { rate_per_sec: 1, burst: 3 }),
  signed: key('matrix-signed', { require_signature: true }),
};

export const MATRIX_KEY_RECORDS: ApiKeyRecord[] = Object.values(MATRIX_KEYS).map((k) => k.record);
