import type { Bus } from './types.js';

export interface ConsumerProgress {
  /** Messages the consumer has not acknowledged yet (pending + in flight). */
  waiting: number;
  /** How long messages have waited while the consumer acknowledged nothing; 0 when it keeps up. */
  stalledForMs: number;
}

/**
 * Watches a durable consumer (the writer) from outside, through the bus, so
 * any process can tell a writer that stopped making progress, wherever the
 * writer runs: messages wait and its ack mark has not moved.
 */
export class ConsumerProgressMonitor {
  private lastMark: number | undefined;
  private movedAtMs: number;

  constructor(
    private readonly bus: Bus,
    private readonly stream: string,
    private readonly consumer: string,
    private readonly now: () => number = Date.now,
  ) {
    this.movedAtMs = now();
  }

  async sample(): Promise<ConsumerProgress> {
    const t = this.now();
    const state = (await this.bus.streamState(this.stream)).consumers[this.consumer];
    if (!state) return { waiting: 0, stalledForMs: 0 };
    const waiting = state.pending + state.ackPending;
    if (waiting === 0 || state.ackMark !== this.lastMark) this.movedAtMs = t;
    this.lastMark = state.ackMark;
    return { waiting, stalledForMs: t - this.movedAtMs };
  }
}
