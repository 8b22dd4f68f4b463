import { join } from 'node:path';
import type { IngestRunResult } from '../runner/run-ingest.js';
import { newRunId } from '../cli-args.js';
import { exited, nextMessage, spawnTs, type ChildMessage } from './child-process.js';
import { waitForWriter } from './drain.js';
import { stopOnAbort } from './abort-cleanup.js';
import { memoryOf } from './proc-stats.js';
import { storedCounts } from './stored-counts.js';
import { startEmbeddedTopology, type TopologyOptions } from './topology.js';

export interface SoakSample {
  atSec: number;
  heapUsedMb: number;
  rssMb: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Telemetry messages the writer has not acknowledged yet. */
  writerBacklog: number;
}

export interface SoakResult {
  scenario: string;
  scale: number;
  seconds: number;
  run: IngestRunResult;
  samples: SoakSample[];
  zeroLoss: boolean;
}

/**
 * A longer constant load on one fresh embedded system, sampling the system
 * process every 5 s: shows whether it holds its rate or degrades as state
 * accumulates (heap, event-loop delay, writer backlog over time).
 */
export async function runSoak(
  opts: { scenario: string; scale: number; seconds: number; generatorCpus?: string | undefined },
  topologyOptions: TopologyOptions,
): Promise<SoakResult> {
  const topology = await startEmbeddedTopology(topologyOptions);
  const unregister = stopOnAbort(() => topology.stop());
  const runId = newRunId('S');
  const args = [
    opts.scenario,
    '--ingest',
    topology.ingestUrl,
    '--tokens',
    join(topology.dataDir, 'api-keys.demo-credentials.json'),
  ];
  args.push('--scale', String(opts.scale), '--duration', `${opts.seconds}s`, '--run-id', runId);
  const runner = spawnTs('load/src/runner/main.ts', args, { cpus: opts.generatorCpus, quiet: true });
  const result = nextMessage<ChildMessage & { result: IngestRunResult }>(runner, 'result', (opts.seconds + 600) * 1000);
  await nextMessage(runner, 'started', 60_000);
  await topology.busState();
  const t0 = performance.now();
  const samples: SoakSample[] = [];
  const timer = setInterval(() => {
    void topology.busState().then((b) =>
      samples.push({
        atSec: Math.round((performance.now() - t0) / 1000),
        heapUsedMb: b.heapUsedMb,
        rssMb: memoryOf(topology.systemPid)?.rssMb ?? b.rssMb,
        eventLoopP99Ms: b.eventLoopP99Ms,
        eventLoopMaxMs: b.eventLoopMaxMs,
        writerBacklog: b.writerPending + b.writerAckPending,
      }),
    );
  }, 5_000);
  const { result: run } = await result;
  clearInterval(timer);
  await exited(runner);
  await waitForWriter(topology, performance.now(), 600_000);
  await topology.stop();
  unregister();
  const stored = (await storedCounts(topology.dataDir)).get(runId);
  await topology.remove();
  const n = run.events.accepted;
  return {
    scenario: opts.scenario,
    scale: opts.scale,
    seconds: opts.seconds,
    run,
    samples,
    zeroLoss: stored?.rows === n && stored.uniqueIds === n,
  };
}
