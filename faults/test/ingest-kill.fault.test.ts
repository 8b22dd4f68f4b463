import { describe, expect, it } from 'vitest';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun } from '../src/fault-run.js';
import { sleep } from '../src/harness/quiescence.js';
import { outcomeHistogram } from '../src/load/load-summary.js';
import { PROFILE } from '../src/profile.js';

describe('R5: kill -9 the ingest process mid-request, restart it', () => {
  it('clients retry with the same Idempotency-Key and every event is stored exactly once', async () => {
    const run = await startFaultRun('ingest-kill');
    try {
      run.load.start();
      await sleep(PROFILE.warmupMs);
      const kills: { inFlight: number; downMs: number }[] = [];
      for (let k = 0; k < PROFILE.ingestKills; k++) {
        // Many requests on the wire at once, so the kill lands in the middle of some of them.
        run.load.burst(60);
        await sleep(15);
        const killedAt = Date.now();
        await run.stack.ingest.kill9();
        await sleep(1_000);
        await run.stack.ingest.start();
        // Requests that were on the wire when the process died: sent before, failed without an answer after.
        const inFlight = run.log
          .attempts()
          .filter((a) => a.sentAt < killedAt && a.endedAt >= killedAt && typeof a.outcome !== 'number').length;
        kills.push({ inFlight, downMs: Date.now() - killedAt });
        await sleep(PROFILE.cooldownMs);
      }
      const retried = () => run.log.requests.filter((r) => r.attempts.length > 1);
      const report = await finishFaultRun(run, () => ({
        kills,
        retriedRequests: retried().length,
        outcomesOfFirstAttemptsOfRetried: outcomeHistogram(retried().flatMap((r) => r.attempts.slice(0, 1))),
      }));
      expect(kills.every((k) => k.inFlight > 0)).toBe(true);
      expect(report.load.outcomes.network_error ?? 0).toBeGreaterThan(0);
      // Some first attempts were published before the kill and only their answer was lost: the retry is recognised.
      expect(report.load.duplicateAcks).toBeGreaterThan(0);
      expect(report.load.abandonedRequests).toBe(0);
      expect(report.load.unexpected).toEqual([]);
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      await run.stack.stop();
    }
  });
});
