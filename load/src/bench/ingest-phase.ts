import { join } from 'node:path';
import { ingestPlan, planDurationSec, probeUnitOf, TILE_PROBE_PROVINCES } from '../../scenarios/index.js';
import { newRunId } from '../cli-args.js';
import { TileProbe } from '../probe/tile-probe.js';
import type { LatencySummary } from '../runner/latency-recorder.js';
import type { IngestRunResult } from '../runner/run-ingest.js';
import { exited, nextMessage, spawnTs, type ChildMessage } from './child-process.js';
import { waitForWriter } from './drain.js';
import { MachineWindow, type MachineUsage } from './machine-stats.js';
import { CpuWindow, memoryOf, type Memory } from './proc-stats.js';
import { QUERY_PATHS, QuerySampler, type QueryName } from './query-sampler.js';
import type { Topology } from './topology.js';

export interface IngestPhaseOptions {
  scenario: string;
  durationSec?: number;
  /** taskset CPU list for the load generator; undefined = unpinned. */
  generatorCpus?: string;
  /** Run the POST → tile probe and the read-query sampler alongside. */
  observe: boolean;
}

export interface IngestPhaseResult {
  scenario: string;
  topology: Topology['kind'];
  run: IngestRunResult;
  /** Everything accepted in this phase (load + probe) ÷ time from first request until the writer had it all. */
  landedRowsPerSec: number;
  drainMs: number;
  /** Event-loop delay of the process owning the writer and status engine, during the load. */
  systemEventLoop: { p99Ms: number; maxMs: number };
  /** That process's V8 heap and RSS right after the load (MB). */
  systemHeap: { heapUsedMb: number; rssMb: number };
  probe?: { runId: string; postToTileMs: LatencySummary; acceptMs: LatencySummary; accepted: number; timedOut: number };
  queries?: Record<QueryName, LatencySummary>;
  queryErrors: number;
  cpuPercent: Record<string, number>;
  machine: MachineUsage;
  memory: Record<string, Memory | undefined>;
  /** Events accepted per run id, for the zero-loss check after the system stops. */
  expected: Record<string, number>;
}

/** Runs one scenario through the runner in its own process while the bench process observes. */
export async function runIngestPhase(topology: Topology, opts: IngestPhaseOptions): Promise<IngestPhaseResult> {
  const runId = newRunId(topology.kind === 'nats' ? 'N' : 'E');
  const probeRunId = `${runId}p`;
  const args = [
    opts.scenario,
    '--ingest',
    topology.ingestUrl,
    '--tokens',
    join(topology.dataDir, 'api-keys.demo-credentials.json'),
    '--run-id',
    runId,
    '--exclude-units',
    TILE_PROBE_PROVINCES.map(probeUnitOf).join(','),
    ...(opts.durationSec ? ['--duration', `${opts.durationSec}s`] : []),
  ];
  const probe = opts.observe
    ? new TileProbe({
        apiUrl: topology.apiUrl,
        ingestUrl: topology.ingestUrl,
        tokens: topology.tokens,
        runId: probeRunId,
        provinces: TILE_PROBE_PROVINCES,
        wallToken: topology.wallToken,
      })
    : undefined;
  await probe?.connect();
  const sampler = opts.observe ? new QuerySampler(topology.apiUrl, topology.wallToken) : undefined;
  const pids = topology.processes.map((p) => p.pid);

  const runner = spawnTs('load/src/runner/main.ts', args, { cpus: opts.generatorCpus, quiet: true });
  const resultMessage = nextMessage<ChildMessage & { result: IngestRunResult }>(runner, 'result', 600_000);
  await nextMessage(runner, 'started', 60_000);
  await topology.busState(); // resets the system's event-loop histogram
  const cpu = new CpuWindow(pids);
  const machine = new MachineWindow(() => pids);
  sampler?.start();
  const loadSec = planDurationSec(
    ingestPlan(opts.scenario, opts.durationSec ? { DURATION: `${opts.durationSec}s` } : {}),
  );
  // Stop probing a little before the load ends so every probe is measured under load.
  const probing = probe?.run(Math.max(1, loadSec - 1), 4);
  const { result: run } = await resultMessage;
  const cpuPercent = cpu.percent();
  const machineUsage = machine.usage((run.generatorCpuPercent / 100) * run.elapsedSec);
  const loadEndedAt = performance.now();
  const duringLoad = await topology.busState();
  const samples = await sampler?.stop();
  const probed = await probing;
  await probe?.close();
  await exited(runner);
  const drain = await waitForWriter(topology, loadEndedAt);
  const drainedAtMs = Date.now() - (performance.now() - drain.drainedAt);

  const accepted = run.events.accepted + (probed?.accepted ?? 0);
  const names = new Map(topology.processes.map((p) => [p.pid, p.name]));
  return {
    scenario: opts.scenario,
    topology: topology.kind,
    run,
    landedRowsPerSec: accepted / Math.max(0.001, (drainedAtMs - run.startedAtMs) / 1000),
    drainMs: drain.drainMs,
    systemEventLoop: { p99Ms: duringLoad.eventLoopP99Ms, maxMs: duringLoad.eventLoopMaxMs },
    systemHeap: { heapUsedMb: duringLoad.heapUsedMb, rssMb: duringLoad.rssMb },
    ...(probed
      ? {
          probe: {
            runId: probeRunId,
            postToTileMs: probed.postToTileMs.summary(),
            acceptMs: probed.acceptMs.summary(),
            accepted: probed.accepted,
            timedOut: probed.timedOut,
          },
        }
      : {}),
    ...(samples
      ? {
          queries: Object.fromEntries(
            (Object.keys(QUERY_PATHS) as QueryName[]).map((q) => [q, samples.latency[q].summary()]),
          ) as Record<QueryName, LatencySummary>,
        }
      : {}),
    queryErrors: samples?.errors ?? 0,
    cpuPercent: Object.fromEntries([...cpuPercent].map(([pid, pct]) => [names.get(pid) ?? String(pid), pct])),
    machine: machineUsage,
    memory: Object.fromEntries(topology.processes.map((p) => [p.name, memoryOf(p.pid)])),
    expected: { [runId]: run.events.accepted, ...(probed ? { [probeRunId]: probed.accepted } : {}) },
  };
}
