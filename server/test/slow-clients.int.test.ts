import { connect } from 'node:net';
import { makeTempDir } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedSystem, type EmbeddedSystem } from '../src/embedded.js';
import { silent } from '@kh02/testkit';

/** Both ports of the whole system close a request whose body never arrives (here after 2 s). */
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let system: EmbeddedSystem;
beforeAll(async () => {
  dir = await makeTempDir('slow-clients');
  system = await startEmbeddedSystem({
    dataDir: dir.path,
    apiPort: 0,
    ingestPort: 0,
    simulator: false,
    logger: silent,
    env: { ...process.env, HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000' },
  });
}, 60_000);
afterAll(async () => {
  await system.stop();
  await dir.remove();
});

function stall(url: string, path: string, headers: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(answer));
    socket.once('connect', () =>
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n${headers}\r\n{`,
      ),
    );
  });
}

describe('stalled request bodies on both ports', () => {
  it('the api closes a signed-in request whose body stalls', async () => {
    const answer = await stall(
      system.apiUrl,
      '/api/v1/tickets',
      `authorization: Bearer ${system.displayToken ?? ''}\r\n`,
    );
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 20_000);

  it('ingest closes a keyed request whose body stalls', async () => {
    const answer = await stall(
      system.ingestUrl,
      '/v1/health-samples',
      `authorization: Bearer ${system.tokens['vendor-vnpt'] ?? ''}\r\nidempotency-key: stalled-0001\r\n`,
    );
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 20_000);
});
