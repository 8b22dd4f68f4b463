import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

export interface NatsServerHandle {
  url: string;
  port: number;
  storeDir: string;
  process: ChildProcess;
  /** The JetStream fsync policy actually in force (see `StartNatsOptions.syncInterval`). */
  syncPolicy: string;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Start again on the same port and storage. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartNatsOptions {
  binary?: string;
  /**
   * JetStream `sync_interval` ('always' = fsync before every ack, or e.g. '1s').
   * nats-server < 2.10 has no such setting and always uses its built-in
   * 2-minute interval; then `syncPolicy` says so instead of failing.
   */
  syncInterval?: string;
  /** Server log destination (default: discarded, so an unread pipe can never stall the server). */
  logFile?: string;
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

/** [major, minor] of the installed nats-server, e.g. [2, 9]. */
export async function natsServerVersion(binary: string): Promise<[number, number]> {
  const { stdout } = await promisify(execFile)(binary, ['--version']);
  const m = /v?(\d+)\.(\d+)/.exec(stdout);
  return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
}

async function writeConfig(dir: string, port: number, storeDir: string, syncInterval: string): Promise<string> {
  const file = join(dir, 'nats.conf');
  const conf = `listen: 127.0.0.1:${port}\njetstream {\n  store_dir: "${storeDir}"\n  sync_interval: ${syncInterval}\n}\n`;
  await writeFile(file, conf);
  return file;
}

/**
 * Starts a real `nats-server -js` (Debian package `nats-server`) on a free
 * port with its own storage directory, for tests and local runs.
 */
export async function startNatsServer(opts: StartNatsOptions = {}): Promise<NatsServerHandle> {
  const binary = opts.binary ?? process.env.NATS_SERVER_BIN ?? 'nats-server';
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'kh02-nats-'));
  let args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
  let syncPolicy = 'server default (2 min)';
  if (opts.syncInterval) {
    const [major, minor] = await natsServerVersion(binary);
    if (major > 2 || (major === 2 && minor >= 10)) {
      args = ['-c', await writeConfig(storeDir, port, join(storeDir, 'js'), opts.syncInterval)];
      syncPolicy = `sync_interval: ${opts.syncInterval}`;
    } else {
      syncPolicy = `server default (2 min): nats-server ${major}.${minor} has no sync_interval`;
    }
  }
  let child: ChildProcess;
  const launch = async () => {
    const log = opts.logFile ? openSync(opts.logFile, 'a') : 'ignore';
    child = spawn(binary, args, { stdio: ['ignore', log, log] });
    if (typeof log === 'number') closeSync(log);
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
    syncPolicy,
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
