import { createRequestFactory, ingestPlan, type IngestRequest } from '../../scenarios/index.js';

export type FloorMode = 'single' | 'batch';

/**
 * The same requests the x10 (single events) or x100 (100-event batches)
 * scenario sends, generated up front so body generation is not timed.
 */
export function floorBodies(mode: FloorMode, runId: string): IngestRequest[] {
  const plan = ingestPlan(mode === 'single' ? 'x10' : 'x100');
  const factory = createRequestFactory(plan.mix, { runId });
  const count = mode === 'single' ? 50_000 : 1_000;
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => factory(i, now));
}

/** Runs `op` over the bodies (cycling) with `window` in flight for `seconds`; returns ops and events done. */
export async function timedLoop(
  bodies: IngestRequest[],
  seconds: number,
  window: number,
  op: (req: IngestRequest, iteration: number) => Promise<number>,
): Promise<{ requests: number; events: number; elapsedSec: number; cpuPercent: number }> {
  let next = 0;
  let events = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++;
      const req = bodies[i % bodies.length];
      if (!req) continue;
      const done = await op(req, i);
      events += done;
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
  const elapsedSec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { requests: next, events, elapsedSec, cpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsedSec) * 100 };
}
