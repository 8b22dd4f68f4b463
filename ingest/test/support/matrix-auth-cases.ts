import { randomUUID } from 'node:crypto';
import { signBody, SIGNATURE_HEADER } from '../../src/auth/signatures.js';
import { counter, HCMC_COMMUNE, NOW, sample, VIETTEL_SYSTEM } from '@kh02/testkit';
import type { IngestHarness, InjectResponse } from '@kh02/testkit';
import type { MatrixCase } from './matrix-cases.js';
import { MATRIX_KEYS, VNPT_OTHER_UNIT_SYSTEM } from './matrix-keys.js';

const SAMPLES = '/v1/health-samples';
const forbidden = (path: string) => ({
  status: 403,
  code: 'FORBIDDEN_SCOPE',
  details: [{ path, reason: 'out_of_scope' }],
});

/** The headers of a signed request: `KH02-Signature: t=…,n=…,v1=HMAC(K, "t.n.body")` (ingest/src/auth/signatures.ts). */
function signedRequest(
  body: unknown,
  opts: { t?: number; nonce?: string; signingKey?: string; tamper?: boolean } = {},
) {
  const raw = JSON.stringify(body);
  const t = opts.t ?? Math.floor(NOW / 1000);
  const nonce = opts.nonce ?? randomUUID().replaceAll('-', '');
  const signed = signBody(opts.signingKey ?? MATRIX_KEYS.signed.signingKey, t, nonce, raw);
  return {
    method: 'POST' as const,
    url: SAMPLES,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${MATRIX_KEYS.signed.token}`,
      'idempotency-key': randomUUID(),
      [SIGNATURE_HEADER]: `t=${t},n=${nonce},v1=${signed}`,
    },
    // A proxy that rewrites the body after signing: the signature no longer matches.
    payload: opts.tamper ? raw.replace('"cpu_pct":42.5', '"cpu_pct":0') : raw,
  };
}

/** A request captured once (accepted) and sent again byte for byte. */
function replayCase(): MatrixCase {
  let captured: ReturnType<typeof signedRequest> | undefined;
  return {
    name: 'replayed signed request (same nonce)',
    prepare: async (h) => {
      captured = signedRequest(sample());
      const first = await h.app.inject(captured);
      if (first.statusCode !== 202) throw new Error(`signed request refused: ${first.body}`);
    },
    preparedRows: { health_samples: 1 },
    send: (h) => h.app.inject(captured ?? signedRequest(sample())),
    status: 409,
    code: 'REPLAYED_REQUEST',
  };
}

/** Same Idempotency-Key, another body. */
function idempotencyConflictCase(): MatrixCase {
  const idem = randomUUID();
  return {
    name: 'Idempotency-Key reused for another body',
    prepare: (h) => h.post(SAMPLES, sample(), { idem }),
    preparedRows: { health_samples: 1 },
    send: (h) => h.post(SAMPLES, sample(), { idem }),
    status: 422,
    code: 'IDEMPOTENCY_CONFLICT',
  };
}

/** Beyond the key's burst (3) with a clock that stands still. */
function floodCase(): MatrixCase {
  const post = (h: IngestHarness) => h.post(SAMPLES, sample(), { token: MATRIX_KEYS.flood.token });
  return {
    name: 'flood beyond the per-key rate limit',
    prepare: async (h) => {
      for (let i = 0; i < 3; i++) await post(h);
    },
    preparedRows: { health_samples: 3 },
    send: post,
    status: 429,
    code: 'RATE_LIMITED',
    retryAfter: true,
  };
}

const inject = (h: IngestHarness, req: ReturnType<typeof signedRequest>): Promise<InjectResponse> => h.app.inject(req);

/** Keys, scope, idempotency, rate and (lead's hardening contract) request signatures. */
export const AUTH_CASES: MatrixCase[] = [
  {
    name: 'missing API key',
    send: (h) => h.post(SAMPLES, sample(), { token: '' }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'malformed API key',
    send: (h) => h.post(SAMPLES, sample(), { token: 'not-a-key' }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'unknown key id',
    send: (h) => h.post(SAMPLES, sample(), { token: `kh02_nobody-here_${'A'.repeat(43)}` }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'wrong secret for a real key id',
    send: (h) => h.post(SAMPLES, sample(), { token: `kh02_vendor-vnpt_${'A'.repeat(43)}` }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'expired key',
    send: (h) => h.post(SAMPLES, sample(), { token: MATRIX_KEYS.expired.token }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'revoked key',
    send: (h) => h.post(SAMPLES, sample(), { token: MATRIX_KEYS.revoked.token }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'vendor key reporting another vendor’s system',
    send: (h) => h.post(SAMPLES, sample({ system_id: VIETTEL_SYSTEM.id, unit_code: VIETTEL_SYSTEM.unitCode })),
    ...forbidden('system_id'),
  },
  {
    name: 'vendor key posing as another vendor',
    send: (h) => h.post(SAMPLES, sample({ vendor: 'VIETTEL' })),
    ...forbidden('vendor'),
  },
  {
    name: 'key limited to one unit writing for another unit',
    send: (h) =>
      h.post(SAMPLES, sample({ system_id: VNPT_OTHER_UNIT_SYSTEM.id, unit_code: VNPT_OTHER_UNIT_SYSTEM.unitCode }), {
        token: MATRIX_KEYS.oneUnit.token,
      }),
    ...forbidden('unit_code'),
  },
  {
    name: 'province counter key writing for another province',
    send: (h) =>
      h.post('/v1/counter-reports', counter({ unit_code: HCMC_COMMUNE }), { token: h.tokens['counter-p01'] }),
    ...forbidden('unit_code'),
  },
  {
    name: 'one foreign row refuses the whole batch',
    send: (h) =>
      h.post(SAMPLES, {
        events: [sample(), sample({ system_id: VIETTEL_SYSTEM.id, unit_code: VIETTEL_SYSTEM.unitCode })],
      }),
    ...forbidden('events[1].system_id'),
  },
  {
    name: 'missing Idempotency-Key',
    send: (h) => h.post(SAMPLES, sample(), { idem: '' }),
    status: 400,
    code: 'MISSING_IDEMPOTENCY_KEY',
  },
  {
    name: 'Idempotency-Key too short / bad characters',
    send: (h) => h.post(SAMPLES, sample(), { idem: 'k y/1' }),
    status: 400,
    code: 'MISSING_IDEMPOTENCY_KEY',
  },
  idempotencyConflictCase(),
  floodCase(),
  // ---- Request signing: the lead's hardening contract (401 bad signature, 409 replayed nonce).
  {
    name: '[HMAC] signature missing on a key that requires it',
    send: (h) => h.post(SAMPLES, sample(), { token: MATRIX_KEYS.signed.token }),
    status: 401,
    code: 'BAD_SIGNATURE',
  },
  {
    name: '[HMAC] signed with the wrong key',
    send: (h) => inject(h, signedRequest(sample(), { signingKey: 'f'.repeat(64) })),
    status: 401,
    code: 'BAD_SIGNATURE',
  },
  {
    name: '[HMAC] body changed after signing',
    send: (h) => inject(h, signedRequest(sample(), { tamper: true })),
    status: 401,
    code: 'BAD_SIGNATURE',
  },
  {
    name: '[HMAC] timestamp 10 min old',
    send: (h) => inject(h, signedRequest(sample(), { t: Math.floor(NOW / 1000) - 600 })),
    status: 401,
    code: 'BAD_SIGNATURE',
  },
  replayCase(),
];
