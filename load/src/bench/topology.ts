import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNatsServer, type NatsServerHandle } from '@kh02/platform/local';
import { writeLoadKeys } from '../keys/load-keys.js';
import { ask, nextMessage, spawnTs, stopChild, type ChildMessage } from './child-process.js';
import { displayToken } from '../probe/wall-session.js';
import { waitUntilReady } from './wait-ready.js';
import type { BusReport } from './system-child.js';

export interface BenchProcess {
  name: string;
  pid: number;
}

/** One running system under test, however many processes it takes. */
export interface Topology {
  kind: 'embedded' | 'nats';
  description: string;
  ingestUrl: string;
  apiUrl: string;
  tokens: Record<string, string>;
  /** Session of the demo wall display account (reads and the live feed need one). */
  wallToken: string | undefined;
  dataDir: string;
  processes: BenchProcess[];
  /** The process that owns the writer, status engine and live feed. */
  systemPid: number;
  busState(): Promise<BusReport>;
  /** Graceful stop of every process (the writer flushes); the data directory stays for counting. */
  stop(): Promise<void>;
  /** Deletes the data directory. */
  remove(): Promise<void>;
}

export interface TopologyOptions {
  /** taskset CPU list for the system process(es); undefined = unpinned. */
  cpus?: string;
  /** Extra Node flags for the process owning writer + status engine (profiling). */
  nodeArgs?: string[];
}

const SYSTEM_CHILD = 'load/src/bench/system-child.ts';
const INGEST_MAIN = 'server/src/main/ingest-main.ts';

interface Ready extends ChildMessage {
  apiUrl: string;
  ingestUrl: string;
}

async function startSystemChild(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  opts: TopologyOptions,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawnTs(SYSTEM_CHILD, [], {
    cpus: opts.cpus,
    nodeArgs: opts.nodeArgs ?? [],
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', SIMULATOR: 'false', CLICKHOUSE_URL: undefined, ...env },
  });
  const ready = await nextMessage<Ready>(child, 'ready', 180_000);
  return { child, ready };
}

/** The writer's backlog from the system process; JetStream's API may time out under load, so ask again. */
async function askBus(child: ChildProcess): Promise<BusReport> {
  for (let attempt = 0; ; attempt++) {
    const reply = await ask<BusReport | { type: 'bus-error'; error: string }>(
      child,
      { type: 'bus' },
      ['bus', 'bus-error'],
      30_000,
    );
    if (reply.type === 'bus') return reply;
    if (attempt >= 20) throw new Error(`bus state unavailable: ${reply.error}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('child process has no pid');
  return child.pid;
}

/** `npm start` shape: one process with ingest, journaled bus, writer, chDB, status engine, socket.io. */
export async function startEmbeddedTopology(opts: TopologyOptions = {}): Promise<Topology> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kh02-bench-embedded-'));
  const keys = await writeLoadKeys(dataDir);
  const { child, ready } = await startSystemChild(dataDir, { NATS_URL: undefined }, opts);
  return {
    kind: 'embedded',
    description: '1 process: fastify ingest + journaled bus (fdatasync) + writer + chDB + status engine + socket.io',
    ingestUrl: ready.ingestUrl,
    apiUrl: ready.apiUrl,
    tokens: keys.tokens,
    wallToken: await displayToken(ready.apiUrl, join(dataDir, 'demo-accounts.json')),
    dataDir,
    processes: [{ name: 'embedded system', pid: pidOf(child) }],
    systemPid: pidOf(child),
    busState: () => askBus(child),
    stop: async () => {
      await stopChild(child, 60_000);
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * Distributed shape on one box: nats-server, an ingest-only process
 * (server/src/main/ingest-main.ts) in front, and writer + status engine + read API +
 * socket.io in one process (chDB admits one process per data directory).
 */
export async function startNatsTopology(opts: TopologyOptions = {}): Promise<Topology> {
  const nats: NatsServerHandle = await startNatsServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'kh02-bench-nats-'));
  const keys = await writeLoadKeys(dataDir);
  const { child: system, ready } = await startSystemChild(dataDir, { NATS_URL: nats.url }, opts);
  const ingestPort = await freePort();
  const ingest = spawnTs(INGEST_MAIN, [], {
    cpus: opts.cpus,
    env: { NATS_URL: nats.url, DATA_DIR: dataDir, INGEST_PORT: String(ingestPort), LOG_LEVEL: 'warn' },
  });
  const ingestUrl = `http://127.0.0.1:${ingestPort}`;
  await waitUntilReady(`${ingestUrl}/ready`, 60_000);
  const natsPid = nats.process.pid ?? 0;
  return {
    kind: 'nats',
    description:
      '3 processes: nats-server (JetStream, file store) ← ingest (server/src/main/ingest-main.ts) ; writer + chDB + status engine + read API + socket.io',
    ingestUrl,
    apiUrl: ready.apiUrl,
    tokens: keys.tokens,
    wallToken: await displayToken(ready.apiUrl, join(dataDir, 'demo-accounts.json')),
    dataDir,
    processes: [
      { name: 'nats-server', pid: natsPid },
      { name: 'ingest', pid: pidOf(ingest) },
      { name: 'writer+api (chDB)', pid: pidOf(system) },
    ],
    systemPid: pidOf(system),
    busState: () => askBus(system),
    stop: async () => {
      await stopChild(ingest);
      await stopChild(system, 60_000);
      await nats.stop();
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
