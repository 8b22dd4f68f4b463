import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_WINDOW } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { busTopology, createMetricsRegistry, LocalBus } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIngestApp } from '../src/app.js';
import { ApiKeyStore } from '../src/auth/api-keys.js';
import { createDemoKeys } from '../src/auth/demo-keys.js';
import { KeyRateLimiter } from '../src/auth/rate-limiter.js';
import { IdempotencyCache } from '../src/idempotency-cache.js';
import { IngestMetrics } from '../src/metrics.js';
import { NOW, sample } from '@kh02/testkit';
import { silentLogger } from '@kh02/testkit';

/*
 * Slow-loris and stalled-body clients against a listening ingest server:
 * they must neither block real traffic nor hold memory, and the server must
 * close them itself once the request timeout passes.
 */

const registry = defaultRegistry();
const demo = createDemoKeys(registry, { ratePerSec: 100_000, burst: 100_000 });
const token = demo.tokens['vendor-vnpt'] ?? '';
let app: FastifyInstance;
let port = 0;
beforeAll(async () => {
  const bus = new LocalBus(busTopology());
  await bus.start();
  app = buildIngestApp(
    {
      bus,
      keys: new ApiKeyStore(demo.records),
      registry,
      rateLimiter: new KeyRateLimiter(),
      idempotency: new IdempotencyCache(10_000, 600_000),
      metrics: new IngestMetrics(createMetricsRegistry()),
      timeWindow: DEFAULT_TIME_WINDOW,
      now: () => NOW,
      httpTimeouts: {
        HTTP_HEADERS_TIMEOUT_MS: 1_000,
        HTTP_REQUEST_TIMEOUT_MS: 2_000,
        HTTP_IDLE_TIMEOUT_MS: 5_000,
        HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000,
      },
    },
    silentLogger,
  );
  app.addHook('onClose', () => bus.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => app.close());

/** Opens a connection that sends complete headers and part of a body, then stalls. */
function stalledUpload(headers: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
    });
    const closed = new Promise<string>((r) => socket.once('close', () => r(answer)));
    socket.once('error', () => undefined);
    socket.once('connect', () => {
      socket.write(
        `POST /v1/health-samples HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n${headers}\r\n{"event_id":`,
      );
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

const post = () =>
  fetch(`http://127.0.0.1:${port}/v1/health-samples`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(sample()),
  });

describe('slow and stalled clients', () => {
  it('500 stalled uploads neither block real requests nor hold memory, and are closed by the server', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const stalled = await Promise.all(
      Array.from({ length: 500 }, () =>
        stalledUpload(`authorization: Bearer ${token}\r\nidempotency-key: ${randomUUID()}\r\n`),
      ),
    );
    const real = await Promise.all(Array.from({ length: 50 }, () => post()));
    expect(real.map((r) => r.status)).toEqual(Array(50).fill(202));
    // 500 open half-requests of ~100 KB promised cost no buffer of that size: the server holds only what arrived.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    const answers = await Promise.all(stalled.map((s) => s.closed));
    // Every stalled request was ended by the server (408 Request Timeout, or the socket closed).
    expect(answers.every((a) => a === '' || a.startsWith('HTTP/1.1 408'))).toBe(true);
    expect((await post()).status).toBe(202);
  }, 60_000);

  it('answers 401 at once to a stalled upload without a key, and closes the connection', async () => {
    const { closed } = await stalledUpload('');
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.toLowerCase()).toContain('connection: close');
  }, 20_000);

  it('closes a client that never finishes its headers', async () => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => undefined);
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
    });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write('POST /v1/health-samples HTTP/1.1\r\nhost: x\r\n');
    await closed;
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 20_000);
});
