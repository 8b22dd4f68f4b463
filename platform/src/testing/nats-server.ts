import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NatsServerHandle {
  url: string;
  port: number;
  storeDir: string;
  process: ChildProcess;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Start again on the same port and storage. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const p = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(p));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await probe(port);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nats-server did not listen on ${port} within ${timeoutMs} ms`);
}

/** A plain TCP probe: the server writes INFO as soon as it accepts. */
function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ port, host: '127.0.0.1' });
    sock.once('data', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/**
 * Starts a real `nats-server -js` (Debian package `nats-server`) on a free
 * port with its own storage directory, for tests and local runs.
 */
export async function startNatsServer(opts: { binary?: string } = {}): Promise<NatsServerHandle> {
  const binary = opts.binary ?? process.env.NATS_SERVER_BIN ?? 'nats-server';
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'kh02-nats-'));
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.once('error', () => undefined);
    await waitForPort(port, 5_000);
  };
  await launch();
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));
  const handle: NatsServerHandle = {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get process() {
      return child;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    restart: async () => {
      await launch();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
  return handle;
}
