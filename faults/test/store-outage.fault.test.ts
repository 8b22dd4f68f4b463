import { describe, expect, it } from 'vitest';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun } from '../src/fault-run.js';
import { KnockCounter } from '../src/harness/knock-counter.js';
import { sleep, waitForBus } from '../src/harness/quiescence.js';
import { outcomeHistogram } from '../src/load/load-summary.js';
import { PROFILE } from '../src/profile.js';

/** Attempts a client with 100 ms doubling backoff capped at 5 s makes in `ms` (the writer's documented policy). */
function cappedBackoffAttempts(ms: number): number {
  let attempts = 1;
  for (let elapsed = 0, i = 0; ; i++, attempts++) {
    elapsed += Math.min(5_000, 100 * 2 ** Math.min(i, 10));
    if (elapsed > ms) return attempts;
  }
}

describe('R4: the store (ClickHouse) is down for a while', () => {
  it('keeps accepting into the bus, the writer backs off, then drains everything', async () => {
    const run = await startFaultRun('store-outage');
    try {
      run.load.start();
      await sleep(PROFILE.warmupMs);
      const killedAt = Date.now();
      await run.stack.clickhouse.kill9();
      const knocks = await KnockCounter.listen(run.stack.clickhousePort);
      await sleep(PROFILE.storeOutageMs);
      await knocks.close();
      const restartedAt = Date.now();
      const backlog = await run.stack.bus.telemetry();
      await run.stack.clickhouse.start();
      const drained = await waitForBus(run.stack, (s) => s.writer.pending === 0 && s.writer.ackPending < 20, 120_000);
      const drainedAt = Date.now();
      await sleep(PROFILE.cooldownMs);

      const writerLog = await run.stack.writer.fullLog();
      const retryLines = writerLog.split('\n').filter((l) => l.includes('ClickHouse unavailable, retrying'));
      const duringOutage = () => run.log.attempts().filter((a) => a.sentAt >= killedAt && a.endedAt <= restartedAt);
      const report = await finishFaultRun(run, () => ({
        outageMs: restartedAt - killedAt,
        outcomesDuringOutage: outcomeHistogram(duringOutage()),
        backlogMessagesAtRestart: backlog.writer.pending + backlog.writer.ackPending,
        drainedAfterRestartMs: drainedAt - restartedAt,
        drainedState: drained.writer,
        storeConnectionAttemptsDuringOutage: knocks.knocks,
        boundForCappedBackoff: cappedBackoffAttempts(restartedAt - killedAt),
        writerRetryLogLines: retryLines.length,
        writerRecovered: writerLog.includes('ClickHouse recovered'),
      }));
      const o = report.observations;
      // Ingest never noticed: every answer during the outage was an acceptance.
      expect(Object.keys(o.outcomesDuringOutage as object)).toEqual(['202']);
      expect(o.backlogMessagesAtRestart).toBeGreaterThan(0);
      // The writer kept trying, but with capped exponential backoff, not in a tight loop.
      expect(knocks.knocks).toBeGreaterThanOrEqual(2);
      expect(knocks.knocks).toBeLessThanOrEqual(2 * cappedBackoffAttempts(restartedAt - killedAt) + 2);
      expect(o.writerRecovered).toBe(true);
      expect(report.load.unexpected).toEqual([]);
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      await run.stack.stop();
    }
  });
});
