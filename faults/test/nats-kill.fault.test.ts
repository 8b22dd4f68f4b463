import { describe, expect, it } from 'vitest';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun, type FaultRun } from '../src/fault-run.js';
import type { TelemetryBusState } from '../src/harness/bus-probe.js';
import { sleep, waitForHttp200 } from '../src/harness/quiescence.js';
import type { Attempt } from '../src/load/ack-log.js';
import { outcomeHistogram } from '../src/load/load-summary.js';
import { PROFILE } from '../src/profile.js';

interface Outage {
  killedAt: number;
  restartedAt: number;
  readyWhileDown: number;
  readyAgainAfterMs: number;
  busBeforeKill: TelemetryBusState;
}

/** kill -9 nats-server, keep it dead for `natsDownMs`, start it again on the same port and storage. */
async function outage(run: FaultRun): Promise<Outage> {
  const busBeforeKill = await run.stack.bus.telemetry();
  const killedAt = Date.now();
  await run.stack.nats.kill();
  await sleep(PROFILE.natsDownMs / 2);
  const readyWhileDown = (await fetch(`${run.stack.ingestUrl}/ready`)).status;
  await sleep(PROFILE.natsDownMs / 2);
  const restartedAt = Date.now();
  await run.stack.nats.restart();
  const readyAgainAt = await waitForHttp200(`${run.stack.ingestUrl}/ready`, 30_000);
  return { killedAt, restartedAt, readyWhileDown, readyAgainAfterMs: readyAgainAt - restartedAt, busBeforeKill };
}

describe('R1: kill -9 nats-server mid-load, restart it', () => {
  it('answers 503 + Retry-After while the bus is down, never 2xx without a bus ack, and loses nothing', async () => {
    const run = await startFaultRun('nats-kill');
    try {
      run.load.start();
      await sleep(PROFILE.warmupMs);
      const outages: Outage[] = [];
      for (let k = 0; k < PROFILE.natsKills; k++) {
        outages.push(await outage(run));
        await sleep(PROFILE.cooldownMs);
      }
      // Attempts that began and ended while the server was dead: no 2xx is possible without a bus ack.
      const whileDown = (): Attempt[] =>
        run.log.attempts().filter((a) => outages.some((o) => a.sentAt >= o.killedAt && a.endedAt <= o.restartedAt));
      const report = await finishFaultRun(run, () => ({
        outages: outages.map((o) => ({
          ...o,
          killedAt: o.killedAt - run.startedAt,
          downMs: o.restartedAt - o.killedAt,
        })),
        outcomesWhileDown: outcomeHistogram(whileDown()),
      }));
      const answeredWhileDown = whileDown().filter((a) => typeof a.outcome === 'number');
      expect(answeredWhileDown.length).toBeGreaterThan(0);
      expect(answeredWhileDown.filter((a) => a.outcome !== 503)).toEqual([]);
      expect(answeredWhileDown.every((a) => a.errorCode === 'BUS_UNAVAILABLE' && Number(a.retryAfter) >= 1)).toBe(true);
      expect(outages.map((o) => o.readyWhileDown)).toEqual(outages.map(() => 503));
      expect(report.load.unexpected).toEqual([]);
      expect(report.load.abandonedRequests).toBe(0);
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      await run.stack.stop();
    }
  });
});
