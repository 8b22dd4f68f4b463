import { createWriteStream, type WriteStream } from 'node:fs';
import { FAULT_TABLES, type FaultTable } from '../oracle/tables.js';
import type { PlannedRequest } from './events.js';

/** One HTTP attempt: when it was sent, when it ended, and how. */
export interface Attempt {
  sentAt: number;
  endedAt: number;
  /** HTTP status, or what went wrong before one arrived. */
  outcome: number | 'network_error' | 'timeout';
  retryAfter: string | undefined;
  errorCode: string | undefined;
  duplicate: boolean | undefined;
}

export interface RequestRecord {
  request: PlannedRequest;
  attempts: Attempt[];
  ackedAt: number | undefined;
}

/**
 * The harness's ledger: every attempt of every request, and every 2xx with
 * the event ids it acknowledged, appended to `acks.jsonl` as it happens so a
 * failed run can be replayed by hand.
 */
export class AckLog {
  readonly requests: RequestRecord[] = [];
  private readonly acked = new Map<FaultTable, Set<string>>(FAULT_TABLES.map((t) => [t, new Set<string>()]));
  private readonly sent = new Map<FaultTable, Set<string>>(FAULT_TABLES.map((t) => [t, new Set<string>()]));
  private readonly out: WriteStream;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'a' });
  }

  begin(request: PlannedRequest): RequestRecord {
    const record: RequestRecord = { request, attempts: [], ackedAt: undefined };
    this.requests.push(record);
    for (const id of request.eventIds) this.sent.get(request.table)?.add(id);
    return record;
  }

  attempt(record: RequestRecord, attempt: Attempt, body?: { bus_seq?: number }): void {
    record.attempts.push(attempt);
    if (typeof attempt.outcome !== 'number' || attempt.outcome < 200 || attempt.outcome >= 300) return;
    record.ackedAt = attempt.endedAt;
    for (const id of record.request.eventIds) this.acked.get(record.request.table)?.add(id);
    this.out.write(
      `${JSON.stringify({
        at: new Date(attempt.endedAt).toISOString(),
        status: attempt.outcome,
        idempotency_key: record.request.idempotencyKey,
        duplicate: attempt.duplicate,
        bus_seq: body?.bus_seq,
        table: record.request.table,
        event_ids: record.request.eventIds,
      })}\n`,
    );
  }

  ackedIds(table: FaultTable): ReadonlySet<string> {
    return this.acked.get(table) ?? new Set();
  }

  sentIds(table: FaultTable): ReadonlySet<string> {
    return this.sent.get(table) ?? new Set();
  }

  /** Every attempt, flattened, for window checks ("what was answered while the bus was down"). */
  attempts(): Attempt[] {
    return this.requests.flatMap((r) => r.attempts);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.out.end(() => resolve()));
  }
}
