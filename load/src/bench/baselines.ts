import { startNatsServer } from '@kh02/platform/local';
import { exited, nextMessage, spawnTs, type ChildMessage } from './child-process.js';
import type { FloorMode } from './floor-bodies.js';

export interface BaselineRate {
  mode: FloorMode;
  requests: number;
  events: number;
  elapsedSec: number;
  cpuPercent: number;
  eventsPerSec: number;
}

type BaselineMessage = ChildMessage & Omit<BaselineRate, 'eventsPerSec'>;

async function runChild(script: string, args: string[], cpus: string | undefined): Promise<BaselineRate> {
  const child = spawnTs(script, args, { cpus });
  const r = await nextMessage<BaselineMessage>(child, 'result', 300_000);
  await exited(child);
  return {
    mode: r.mode,
    requests: r.requests,
    events: r.events,
    elapsedSec: r.elapsedSec,
    cpuPercent: r.cpuPercent,
    eventsPerSec: r.events / r.elapsedSec,
  };
}

export interface FloorResults {
  local: Record<FloorMode, BaselineRate>;
  nats?: Record<FloorMode, BaselineRate>;
}

/** JSON.parse + validateBatch + bus publish, no HTTP, no storage: embedded journal, then a fresh nats-server. */
export async function measureFloor(seconds: number, withNats: boolean, cpus?: string): Promise<FloorResults> {
  const script = 'load/src/bench/floor-child.ts';
  const local = {
    single: await runChild(script, ['single', String(seconds)], cpus),
    batch: await runChild(script, ['batch', String(seconds)], cpus),
  };
  if (!withNats) return { local };
  const nats = await startNatsServer();
  try {
    return {
      local,
      nats: {
        single: await runChild(script, ['single', String(seconds), nats.url], cpus),
        batch: await runChild(script, ['batch', String(seconds), nats.url], cpus),
      },
    };
  } finally {
    await nats.stop();
  }
}

/** One ClickHouse (chDB) INSERT per request, no bus, no batching across requests. */
export async function measureNaive(seconds: number, cpus?: string): Promise<Record<FloorMode, BaselineRate>> {
  const script = 'load/src/bench/naive-child.ts';
  return {
    single: await runChild(script, ['single', String(seconds)], cpus),
    batch: await runChild(script, ['batch', String(seconds)], cpus),
  };
}

/** chDB INSERTs of the writer's 10,000-row flushes back to back: the store stage alone. */
export function measureStore(seconds: number, cpus?: string): Promise<BaselineRate> {
  return runChild('load/src/bench/store-child.ts', [String(seconds)], cpus);
}
