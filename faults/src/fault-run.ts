import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { TelemetryBusState } from './harness/bus-probe.js';
import type { UnexpectedExit } from './harness/managed-process.js';
import { waitForQuiescence } from './harness/quiescence.js';
import { startStack, type Stack, type StackOptions } from './harness/stack.js';
import { AckLog } from './load/ack-log.js';
import { EventFactory } from './load/events.js';
import { LoadGenerator, type LoadOptions } from './load/load-generator.js';
import { summariseLoad, type LoadSummary } from './load/load-summary.js';
import { checkOracle, type OracleVerdict } from './oracle/oracle.js';
import { PROFILE } from './profile.js';

/** One fault experiment: a stack, a load against it, and the ledger of what was acknowledged. */
export interface FaultRun {
  name: string;
  runId: string;
  stack: Stack;
  log: AckLog;
  load: LoadGenerator;
  startedAt: number;
}

export interface FaultReport {
  fault: string;
  profile: string;
  durationMs: number;
  natsSyncPolicy: string;
  oracle: OracleVerdict;
  load: LoadSummary;
  bus: TelemetryBusState;
  unexpectedExits: UnexpectedExit[];
  /** What the fault itself measured (windows, kills, retries…). */
  observations: Record<string, unknown>;
}

export async function startFaultRun(
  name: string,
  stackOpts: Omit<StackOptions, 'name'> = {},
  load: Partial<Omit<LoadOptions, 'ingestUrl' | 'factory' | 'log'>> = {},
): Promise<FaultRun> {
  const stack = await startStack({ name, ...stackOpts });
  // The test's own verdict (the oracle is only part of it), for the suite summary.
  onTestFinished(async ({ task }) => {
    const errors = (task.result?.errors ?? []).map((e) => String(e.message).split('\n')[0]);
    await writeFile(join(stack.artifacts, 'verdict.json'), JSON.stringify({ state: task.result?.state, errors }));
  });
  const runId = `f${randomBytes(4).toString('hex')}`;
  const log = new AckLog(join(stack.artifacts, 'acks.jsonl'));
  const generator = new LoadGenerator({
    ingestUrl: () => stack.ingestUrl,
    factory: new EventFactory(runId, stack.tokens),
    log,
    concurrency: PROFILE.concurrency,
    eventsPerRequest: PROFILE.eventsPerRequest,
    ratePerSec: PROFILE.ratePerSec,
    requestTimeoutMs: 10_000,
    maxRetryDelayMs: 2_000,
    // Well inside the 10-minute duplicate window (BUS_DUPLICATE_WINDOW_MS).
    retryHorizonMs: 5 * 60_000,
    ...load,
  });
  return { name, runId, stack, log, load: generator, startedAt: Date.now() };
}

/** Stops the load (every started request is acknowledged or abandoned), waits for quiet, judges, writes report.json. */
export async function finishFaultRun(
  run: FaultRun,
  observe: () => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({}),
  quietTimeoutMs = 120_000,
): Promise<FaultReport> {
  await run.load.stop();
  const bus = await waitForQuiescence(run.stack, quietTimeoutMs);
  const observations = await observe();
  const oracle = await checkOracle(run.stack.store, run.log, run.runId);
  await run.log.close();
  const report: FaultReport = {
    fault: run.name,
    profile: PROFILE.name,
    durationMs: Date.now() - run.startedAt,
    natsSyncPolicy: run.stack.nats.syncPolicy,
    oracle,
    load: summariseLoad(run.log),
    bus,
    unexpectedExits: run.stack.unexpectedExits(),
    observations,
  };
  await writeFile(join(run.stack.artifacts, 'report.json'), JSON.stringify(report, null, 2));
  return report;
}
