import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { makeTempDir } from '@kh02/platform/local';
import { startEmbeddedSystem, type EmbeddedSystem } from '@kh02/server';
import { silent } from './status-harness.js';

export interface TestSystem {
  system: EmbeddedSystem;
  dataDir: string;
  /** Test seam: drop every live connection and refuse new ones (a cut link), or let them back. */
  setLiveFeedPaused(paused: boolean): Promise<void>;
  /** Stops this instance only (the data directory stays, for restart tests). */
  restart(): Promise<EmbeddedSystem>;
  close(): Promise<void>;
}

export interface TestSystemOptions {
  /** Serve the built wall from here (browser tests). */
  webDir?: string;
  /** Extra environment (e.g. short timeouts). */
  env?: NodeJS.ProcessEnv;
}

/** The seam lives here, not in the product: a socket.io middleware added to the running system. */
function gateLiveFeed(system: EmbeddedSystem): (paused: boolean) => Promise<void> {
  let paused = false;
  system.api.io.use((_socket, next) => (paused ? next(new Error('live feed paused')) : next()));
  return async (p) => {
    paused = p;
    if (p) system.api.io.disconnectSockets(true);
    await Promise.resolve();
  };
}

/** The whole embedded system on free ports in a temp data dir, simulator off. */
export async function startTestSystem(prefix: string, opts: TestSystemOptions = {}): Promise<TestSystem> {
  const dir = await makeTempDir(prefix);
  const start = () =>
    startEmbeddedSystem({
      dataDir: dir.path,
      apiPort: 0,
      ingestPort: 0,
      simulator: false,
      logger: silent,
      ...(opts.webDir ? { webDir: opts.webDir } : {}),
      // Plan 02 tasks are all past their 2025 deadlines on a fresh data directory, which would turn every unit
      // red; tests about other indicators keep their colours, and task tests turn the indicator back on.
      // A free port for the demo mailbox: test files run side by side.
      env: { ...process.env, TASK_PROGRESS_COLOURS: 'false', MAIL_SINK_PORT: '0', ...opts.env },
    });
  const first = await start();
  let pause = gateLiveFeed(first);
  const handle: TestSystem = {
    system: first,
    dataDir: dir.path,
    setLiveFeedPaused: (p) => pause(p),
    restart: async () => {
      await handle.system.stop();
      handle.system = await start();
      pause = gateLiveFeed(handle.system);
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
