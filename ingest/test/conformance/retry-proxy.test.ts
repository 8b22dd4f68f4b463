import { randomUUID } from 'node:crypto';
import { INGEST_ROUTES } from '@kh02/schemas';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sample } from '@kh02/testkit';
import { startIngestHarness, type IngestHarness } from '@kh02/testkit';
import { RetryProxy } from '../../src/conformance/retry-proxy.js';
import { judgeRetries } from '../../src/conformance/retry-report.js';

let h: IngestHarness;
let target: string;
let proxy: RetryProxy | undefined;

beforeAll(async () => {
  h = await startIngestHarness({ now: Date.now });
  target = (await h.app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1');
});
afterAll(async () => h.close());
afterEach(async () => proxy?.close());

const RETRY_AFTER_S = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startProxy(keys: number): Promise<string> {
  proxy = new RetryProxy({ target, retryAfterSec: RETRY_AFTER_S, keysToTest: keys });
  return proxy.listen('127.0.0.1', 0);
}

function send(base: string, body: string, key: string | undefined) {
  return fetch(new URL(INGEST_ROUTES.health_sample, base), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${h.tokens['vendor-vnpt'] ?? ''}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body,
  });
}

const freshBody = () => JSON.stringify(sample({ observed_at: new Date(Date.now() - 60_000).toISOString() }));

/** A well-behaved client: on 429/503, waits Retry-After and resends the same request with the same key. */
async function goodClient(base: string): Promise<number> {
  const body = freshBody();
  const key = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await send(base, body, key);
    if (res.status !== 429 && res.status !== 503) return res.status;
    await sleep(Number(res.headers.get('retry-after') ?? '1') * 1000);
  }
  return 0;
}

function judge() {
  if (!proxy) throw new Error('no proxy');
  return judgeRetries(proxy.verdicts(), proxy, RETRY_AFTER_S);
}

describe('retry behaviour proxy', () => {
  it('passes a client that waits Retry-After and resends with the same key and body', async () => {
    const base = await startProxy(2);
    expect(await goodClient(base)).toBe(202);
    expect(await goodClient(base)).toBe(202);
    expect(proxy?.finished()).toBe(true);
    const v = proxy?.verdicts() ?? [];
    expect(v.map((x) => [x.injected, x.sameBody, x.earlyRetries, x.upstreamStatus])).toEqual([
      [503, true, 0, 202],
      [429, true, 0, 202],
    ]);
    expect(judge().passed).toBe(true);
    // Later requests go straight through to the sandbox.
    expect((await send(base, freshBody(), randomUUID())).status).toBe(202);
  }, 20_000);

  it('fails a client that retries at once with a new Idempotency-Key', async () => {
    const base = await startProxy(1);
    const body = freshBody();
    for (let attempt = 0; attempt < 3; attempt++) await send(base, body, randomUUID());
    const outcome = judge();
    expect(outcome.passed).toBe(false);
    expect(proxy?.newKeyRetries).toBe(2);
    expect(outcome.lines.join('\n')).toContain('not retried with the same Idempotency-Key');
  });

  it('fails a client that retries before Retry-After, or changes the body, or sends no key', async () => {
    const base = await startProxy(1);
    const key = randomUUID();
    expect((await send(base, freshBody(), key)).status).toBe(503);
    expect((await send(base, freshBody(), key)).status).toBe(503);
    await sleep(RETRY_AFTER_S * 1000);
    await send(base, freshBody(), key);
    await send(base, freshBody(), undefined);
    const [v] = proxy?.verdicts() ?? [];
    expect(v?.earlyRetries).toBe(1);
    expect(v?.sameBody).toBe(false);
    expect(proxy?.missingKey).toBe(1);
    const text = judge().lines.join('\n');
    expect(text).toContain('1 retry(ies) before Retry-After');
    expect(text).toContain('retry body differs');
    expect(text).toContain('1 request(s) without an Idempotency-Key');
  }, 20_000);
});
