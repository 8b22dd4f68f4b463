/**
 * Remembers which body each idempotency key carried, so reusing a key for a
 * different body is answered 422 instead of being silently swallowed by the
 * bus dedup window. Requests still being published are tracked too: of ten
 * simultaneous requests under one key, the first publishes, the same body
 * waits for its answer, a different body is refused at once. Bounded (LRU by
 * insertion) and per process; across processes and restarts the bus answers
 * a duplicate with the first publish's digest (see `PublishAck`).
 */
export type IdempotencyVerdict<T> =
  | { kind: 'new'; settle: (outcome: T | undefined) => void }
  | { kind: 'same'; outcome: Promise<T | undefined> | undefined }
  | { kind: 'conflict' };

interface InFlight<T> {
  bodyHash: string;
  outcome: Promise<T | undefined>;
}

export class IdempotencyCache<T = unknown> {
  private readonly entries = new Map<string, { bodyHash: string; atMs: number }>();
  private readonly inFlight = new Map<string, InFlight<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  /**
   * 'new': the caller publishes, then calls `settle` with its outcome (or
   * undefined when it failed, so the key stays free for a retry). 'same': a
   * retry of a finished or in-flight request (wait for `outcome` when given).
   * 'conflict': same key, different body.
   */
  begin(msgId: string, bodyHash: string, nowMs: number): IdempotencyVerdict<T> {
    const pending = this.inFlight.get(msgId);
    if (pending)
      return pending.bodyHash === bodyHash ? { kind: 'same', outcome: pending.outcome } : { kind: 'conflict' };
    const e = this.entries.get(msgId);
    if (e && e.atMs >= nowMs - this.ttlMs) {
      return e.bodyHash === bodyHash ? { kind: 'same', outcome: undefined } : { kind: 'conflict' };
    }
    let settle!: (outcome: T | undefined) => void;
    const outcome = new Promise<T | undefined>((resolve) => {
      settle = resolve;
    });
    this.inFlight.set(msgId, { bodyHash, outcome });
    return {
      kind: 'new',
      settle: (result) => {
        this.inFlight.delete(msgId);
        if (result !== undefined) this.remember(msgId, bodyHash, nowMs);
        settle(result);
      },
    };
  }

  private remember(msgId: string, bodyHash: string, nowMs: number): void {
    this.entries.delete(msgId);
    this.entries.set(msgId, { bodyHash, atMs: nowMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
