import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { REPO_ROOT } from './paths.js';

export interface ProcessSpec {
  name: string;
  /** TypeScript entry, relative to the repository root. */
  entry: string;
  env: Record<string, string | undefined>;
  /** stdout and stderr are appended here. */
  logFile: string;
  /** Ready when this returns true; `logSinceStart` is what the process logged since it was (re)started. */
  ready: (logSinceStart: () => Promise<string>) => Promise<boolean>;
  readyTimeoutMs?: number;
}

export interface UnexpectedExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Variables a parent shell may carry that would silently change a service's wiring. */
const INHERITED_WIRING = ['NATS_URL', 'CLICKHOUSE_URL', 'DATA_DIR', 'CHDB_PATH', 'API_KEYS_FILE', 'BUS_DIR'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One service run as its own Node process (`node --import tsx <entry>`, so the
 * pid is the service itself and SIGKILL hits it, not a wrapper), which the
 * harness can start, kill -9, restart and stop. An exit the harness did not
 * cause is recorded: a service dying on its own during a fault is a finding.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private logOffset = 0;
  private expectingExit = false;
  readonly unexpectedExits: UnexpectedExit[] = [];

  constructor(readonly spec: ProcessSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    this.logOffset = await stat(this.spec.logFile).then(
      (s) => s.size,
      () => 0,
    );
    const env = { ...process.env };
    for (const k of INHERITED_WIRING) delete env[k];
    for (const [k, v] of Object.entries(this.spec.env)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const log = openSync(this.spec.logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', this.spec.entry], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    this.expectingExit = false;
    child.once('exit', (code, signal) => {
      if (!this.expectingExit) this.unexpectedExits.push({ name: this.spec.name, code, signal });
    });
    await this.waitReady(child);
  }

  /** What the current run logged so far. */
  async logSinceStart(): Promise<string> {
    const all = await readFile(this.spec.logFile).catch(() => Buffer.alloc(0));
    return all.subarray(this.logOffset).toString('utf8');
  }

  /** Everything every run logged. */
  async fullLog(): Promise<string> {
    return readFile(this.spec.logFile, 'utf8').catch(() => '');
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM kill. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL', 0);
  }

  /** SIGTERM (graceful), SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    await this.signal('SIGTERM', graceMs);
  }

  private async signal(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = graceMs > 0 ? setTimeout(() => child.kill('SIGKILL'), graceMs) : undefined;
    await exited;
    if (timer) clearTimeout(timer);
  }

  private async waitReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.spec.readyTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        const tail = (await this.logSinceStart()).slice(-2_000);
        throw new Error(`${this.spec.name} exited (${child.exitCode ?? child.signalCode}) before ready:\n${tail}`);
      }
      if (await this.spec.ready(() => this.logSinceStart()).catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(`${this.spec.name} not ready within ${this.spec.readyTimeoutMs ?? 60_000} ms`);
  }
}

/** Readiness by HTTP: the URL answers 200. */
export function httpReady(url: string): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.ok;
  };
}

/** Readiness by log line: the process logged `text` since it started. */
export function logReady(text: string): (log: () => Promise<string>) => Promise<boolean> {
  return async (log) => (await log()).includes(text);
}
