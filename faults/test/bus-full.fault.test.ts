import { describe, expect, it } from 'vitest';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun } from '../src/fault-run.js';
import { sleep } from '../src/harness/quiescence.js';
import { PROFILE } from '../src/profile.js';

/** Small enough to fill in seconds at the fault load (a request is one ~2–3 KB message). */
const BUS_MAX_BYTES = 150_000;

describe('R6: the bus is full (stream max_bytes, discard new)', () => {
  it('answers 503 + Retry-After, deletes nothing old, and stores everything once the writer drains it', async () => {
    // No writer at first: nothing drains the stream, so it fills.
    const run = await startFaultRun('bus-full', { startWriter: false, env: { BUS_MAX_BYTES: String(BUS_MAX_BYTES) } });
    try {
      run.load.start();
      const deadline = Date.now() + 60_000;
      const full = () => run.log.attempts().filter((a) => a.errorCode === 'BUS_FULL');
      while (full().length < 20 && Date.now() < deadline) await sleep(100);
      const atFull = await run.stack.bus.telemetry();
      const ackedRequests = run.log.requests.filter((r) => r.ackedAt !== undefined).length;
      await run.stack.writer.start();
      await sleep(PROFILE.cooldownMs);
      const report = await finishFaultRun(run, () => ({ streamAtFull: atFull, ackedRequestsAtFull: ackedRequests }));

      expect(atFull.maxBytes).toBe(BUS_MAX_BYTES);
      expect(atFull.discard).toBe('new');
      expect(full().length).toBeGreaterThanOrEqual(20);
      expect(full().every((a) => a.outcome === 503 && Number(a.retryAfter) >= 1)).toBe(true);
      // Nothing old was dropped to make room: the stream still starts at 1 and holds every accepted request.
      expect(atFull.firstSeq).toBe(1);
      expect(atFull.messages).toBe(atFull.lastSeq);
      expect(atFull.messages).toBe(ackedRequests);
      expect(atFull.bytes).toBeLessThanOrEqual(BUS_MAX_BYTES);
      expect(report.load.abandonedRequests).toBe(0);
      expect(report.load.unexpected).toEqual([]);
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      await run.stack.stop();
    }
  });
});
