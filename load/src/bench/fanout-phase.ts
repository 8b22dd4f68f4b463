import { join } from 'node:path';
import type { FanoutResult } from '../fanout/wall-fanout.js';
import { newRunId } from '../cli-args.js';
import { exited, nextMessage, spawnTs, type ChildMessage } from './child-process.js';
import { MachineWindow, type MachineUsage } from './machine-stats.js';
import { CpuWindow, memoryOf, type Memory } from './proc-stats.js';
import type { Topology } from './topology.js';

export interface FanoutPhaseResult {
  fanout: FanoutResult;
  /** CPU of the process serving socket.io while every wall was held and tiles changed, % of one core. */
  serverCpuPercent: number;
  /** CPU of the process playing the 1,000 walls: near 100 % means the measured latency includes the client's own queue. */
  clientCpuPercent: number;
  machine: MachineUsage;
  /** Event-loop delay of the serving process over the held window: stalls there delay every wall. */
  serverEventLoop: { p99Ms: number; maxMs: number };
  serverMemory: Memory | undefined;
  /** Probe events accepted, for the zero-loss check. */
  expected: Record<string, number>;
}

/** Runs the wall fan-out scenario from its own process and samples server CPU over the held window. */
export async function runFanoutPhase(
  topology: Topology,
  opts: { holdSec: number; scale?: number; clientCpus?: string },
): Promise<FanoutPhaseResult> {
  const runId = newRunId('W');
  const child = spawnTs(
    'load/src/fanout/main.ts',
    [
      'wall-fanout',
      '--api',
      topology.apiUrl,
      '--ingest',
      topology.ingestUrl,
      '--tokens',
      join(topology.dataDir, 'api-keys.demo-credentials.json'),
      '--duration',
      `${opts.holdSec}s`,
      '--scale',
      String(opts.scale ?? 1),
      '--run-id',
      runId,
      ...(topology.wallToken ? ['--wall-token', topology.wallToken] : []),
    ],
    { cpus: opts.clientCpus, quiet: true },
  );
  const result = nextMessage<ChildMessage & { result: FanoutResult }>(child, 'result', 300_000);
  await nextMessage(child, 'hold-start', 240_000);
  await topology.busState(); // resets the system's event-loop histogram
  const cpu = new CpuWindow([topology.systemPid, child.pid ?? 0]);
  const machine = new MachineWindow(() => [...topology.processes.map((p) => p.pid), child.pid ?? 0]);
  await nextMessage(child, 'hold-end', 120_000 + opts.holdSec * 1000);
  const cpuPercent = cpu.percent();
  const serverCpuPercent = cpuPercent.get(topology.systemPid) ?? Number.NaN;
  const clientCpuPercent = cpuPercent.get(child.pid ?? 0) ?? Number.NaN;
  const usage = machine.usage();
  const loop = await topology.busState();
  const { result: fanout } = await result;
  await exited(child);
  return {
    fanout,
    serverCpuPercent,
    clientCpuPercent,
    machine: usage,
    serverEventLoop: { p99Ms: loop.eventLoopP99Ms, maxMs: loop.eventLoopMaxMs },
    serverMemory: memoryOf(topology.systemPid),
    expected: { [runId]: fanout.probe.accepted },
  };
}
