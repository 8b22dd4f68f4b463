import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run there so the services find ./config like `npm start` does. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** `taskset -c` CPU list, e.g. "0" or "0,1"; undefined = not pinned. */
  cpus?: string | undefined;
  /** Keep stdout (the runner prints its summary there); stderr always passes through. */
  quiet?: boolean;
  /** Extra Node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to profile the system under test. */
  nodeArgs?: string[];
}

/**
 * Starts a TypeScript entry point in its own Node process (via tsx) with an
 * IPC channel, optionally pinned with taskset. taskset execs node, so the
 * returned pid is the Node process itself (what /proc is read for).
 */
export function spawnTs(script: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const node = [process.execPath, ...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...args];
  const [command, ...rest] = opts.cpus ? ['taskset', '-c', opts.cpus, ...node] : node;
  return spawn(command ?? process.execPath, rest, {
    cwd: REPO_ROOT,
    // An undefined value removes the variable (e.g. an inherited NATS_URL must not leak into the embedded run).
    env: Object.fromEntries(Object.entries({ ...process.env, ...opts.env }).filter(([, v]) => v !== undefined)),
    stdio: ['ignore', opts.quiet === false ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
}

export interface ChildMessage {
  type: string;
}

/** Resolves with the first IPC message of `type` (or one of them); rejects if the child exits first or time runs out. */
export function nextMessage<T extends ChildMessage>(
  child: ChildProcess,
  type: string | string[],
  timeoutMs: number,
): Promise<T> {
  const types = Array.isArray(type) ? type : [type];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no '${types.join('|')}' message within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (m: unknown) => {
      if (typeof m === 'object' && m !== null && types.includes((m as ChildMessage).type)) finish(undefined, m as T);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`child exited (${code}) before sending '${types.join('|')}'`));
    function finish(err?: Error, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Sends a request and waits for the answer of the given type. */
export async function ask<T extends ChildMessage>(
  child: ChildProcess,
  request: ChildMessage,
  answer: string | string[],
  timeoutMs = 10_000,
): Promise<T> {
  const reply = nextMessage<T>(child, answer, timeoutMs);
  child.send(request);
  return reply;
}

/** Waits for the process to exit (SIGTERM first, SIGKILL after `graceMs`). */
export async function stopChild(child: ChildProcess, graceMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
