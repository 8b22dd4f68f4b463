import { describe, expect, it } from 'vitest';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun, type FaultRun } from '../src/fault-run.js';
import { sleep, waitForBus } from '../src/harness/quiescence.js';
import { storedRows } from '../src/oracle/tables.js';
import { PROFILE } from '../src/profile.js';

/** The store holds each INSERT's answer this long after committing it: the writer is killed in that window. */
const REPLY_DELAY_MS = 400;

/** Kills the writer right after an insert was committed and before its answer (so before any ack). */
async function killMidBatch(run: FaultRun): Promise<Record<string, number>> {
  const { stack, runId } = run;
  const start = await storedRows(stack.store, 'health_samples', runId);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && (await storedRows(stack.store, 'health_samples', runId)) === start) await sleep(20);
  await stack.writer.kill9();
  const bus = await stack.bus.telemetry();
  await sleep(REPLY_DELAY_MS);
  const storedButUnacked =
    (await storedRows(stack.store, 'health_samples', runId, bus.writer.ackFloorSeq)) +
    (await storedRows(stack.store, 'counter_reports', runId, bus.writer.ackFloorSeq));
  return { ackPendingAtKill: bus.writer.ackPending, ackFloorSeqAtKill: bus.writer.ackFloorSeq, storedButUnacked };
}

describe('R3: kill -9 the writer mid-batch, restart it', () => {
  it('redelivers what was not acknowledged and the store check drops what was already written', async () => {
    const run = await startFaultRun('writer-kill', { insertReplyDelayMs: REPLY_DELAY_MS });
    try {
      run.load.start();
      await sleep(PROFILE.warmupMs);
      const kills: Record<string, number>[] = [];
      for (let k = 0; k < PROFILE.writerKills; k++) {
        const kill = await killMidBatch(run);
        await sleep(1_000);
        const restartedAt = Date.now();
        await run.stack.writer.start();
        // Unacknowledged messages come back after the consumer's ack wait (60 s).
        const redelivery = await waitForBus(run.stack, (s) => s.writer.redelivered > 0, 120_000);
        kills.push({
          ...kill,
          redeliveredSeenAfterMs: Date.now() - restartedAt,
          redelivered: redelivery.writer.redelivered,
        });
        await sleep(PROFILE.cooldownMs);
      }
      const report = await finishFaultRun(run, () => ({ kills }), 180_000);
      // Each kill hit a batch in flight, at least one after its rows were stored, and all of it came back.
      expect(kills.every((k) => (k.ackPendingAtKill ?? 0) > 0 && (k.redelivered ?? 0) > 0)).toBe(true);
      expect(kills.some((k) => (k.storedButUnacked ?? 0) > 0)).toBe(true);
      expect(report.load.unexpected).toEqual([]);
      expect(report.load.outcomes).toEqual({ '202': report.load.requests });
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      await run.stack.stop();
    }
  });
});
