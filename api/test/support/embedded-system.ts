import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { makeTempDir } from '@kh02/platform/local';
import { startEmbeddedSystem, type EmbeddedSystem } from '../../src/embedded.js';
import { silent } from './status-harness.js';

export interface TestSystem {
  system: EmbeddedSystem;
  dataDir: string;
  /** Stops this instance only (the data directory stays, for restart tests). */
  restart(): Promise<EmbeddedSystem>;
  close(): Promise<void>;
}

/** The whole embedded system on free ports in a temp data dir, simulator off. */
export async function startTestSystem(prefix: string): Promise<TestSystem> {
  const dir = await makeTempDir(prefix);
  const start = () =>
    startEmbeddedSystem({ dataDir: dir.path, apiPort: 0, ingestPort: 0, simulator: false, logger: silent });
  const handle: TestSystem = {
    system: await start(),
    dataDir: dir.path,
    restart: async () => {
      await handle.system.stop();
      handle.system = await start();
      return handle.system;
    },
    close: async () => {
      await handle.system.stop();
      await dir.remove();
    },
  };
  return handle;
}

export async function demoPasswords(dataDir: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(`${dataDir}/demo-accounts.json`, 'utf8')) as Record<string, string>;
}

export async function login(system: EmbeddedSystem, username: string, password: string): Promise<string> {
  const res = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** POSTs one event to an ingest route with the vendor's demo key; returns the HTTP status. */
export async function postAsVendor(
  system: EmbeddedSystem,
  path: string,
  vendor: string,
  event: Record<string, unknown>,
): Promise<number> {
  const res = await fetch(`${system.ingestUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${system.tokens[`vendor-${vendor.toLowerCase()}`]}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ event_id: randomUUID(), ...event }),
  });
  return res.status;
}
