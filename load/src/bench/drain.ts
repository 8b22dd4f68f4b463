import type { Topology } from './topology.js';

export interface Drain {
  /** ms from the end of the load until the writer had acknowledged everything. */
  drainMs: number;
  drainedAt: number;
  /** Worst event-loop delay of the system process seen while waiting (ms). */
  eventLoopMaxMs: number;
}

/**
 * Waits until the writer has acknowledged every telemetry message (it acks
 * only after the rows are in ClickHouse), i.e. everything accepted has landed.
 */
export async function waitForWriter(topology: Topology, loadEndedAt: number, timeoutMs = 180_000): Promise<Drain> {
  const deadline = performance.now() + timeoutMs;
  let loopMax = 0;
  while (performance.now() < deadline) {
    const s = await topology.busState();
    loopMax = Math.max(loopMax, s.eventLoopMaxMs);
    if (s.writerPending === 0 && s.writerAckPending === 0) {
      const drainedAt = performance.now();
      return { drainMs: Math.max(0, drainedAt - loadEndedAt), drainedAt, eventLoopMaxMs: loopMax };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`writer still behind after ${timeoutMs} ms`);
}
