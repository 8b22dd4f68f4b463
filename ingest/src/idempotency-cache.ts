/**
 * Remembers which body each idempotency key carried, so reusing a key for a
 * different body is answered 422 instead of being silently swallowed by the
 * bus dedup window. Bounded (LRU by insertion) and per process: the bus
 * window remains the authority for duplicates across instances.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, { bodyHash: string; atMs: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  /** 'new' | 'same' (a retry) | 'conflict' (same key, different body). */
  check(msgId: string, bodyHash: string, nowMs: number): 'new' | 'same' | 'conflict' {
    const e = this.entries.get(msgId);
    if (!e || e.atMs < nowMs - this.ttlMs) return 'new';
    return e.bodyHash === bodyHash ? 'same' : 'conflict';
  }

  remember(msgId: string, bodyHash: string, nowMs: number): void {
    this.entries.delete(msgId);
    this.entries.set(msgId, { bodyHash, atMs: nowMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
