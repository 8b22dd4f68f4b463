import type { AckLog, Attempt, RequestRecord } from './ack-log.js';
import type { EventFactory, PlannedRequest } from './events.js';

export interface LoadOptions {
  /** Where to send; a function so a restarted ingest on a new address could be followed. */
  ingestUrl: () => string;
  factory: EventFactory;
  log: AckLog;
  concurrency: number;
  eventsPerRequest: number;
  /** New requests per second across all workers (retries are not counted). */
  ratePerSec: number;
  requestTimeoutMs: number;
  /** Cap on honouring Retry-After, so a 30 s "bus full" hint does not stall a short test. */
  maxRetryDelayMs: number;
  /**
   * A client gives up after this long. Must stay below the bus duplicate
   * window, or a late retry of a request that did reach the bus is stored twice.
   */
  retryHorizonMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (err instanceof Error ? err.name : undefined);
}

/**
 * A well-behaved vendor fleet: each worker sends a request and, until it is
 * answered 2xx, re-sends the same bytes with the same Idempotency-Key —
 * after Retry-After on 429/503, with a short backoff after a reset, refused
 * connection or timeout. It never gives up inside the retry horizon.
 */
export class LoadGenerator {
  private issuing = false;
  private workers: Promise<void>[] = [];
  private nextSlotMs = 0;

  constructor(private readonly opts: LoadOptions) {}

  start(): void {
    this.issuing = true;
    this.nextSlotMs = Date.now();
    this.workers = Array.from({ length: this.opts.concurrency }, () => this.worker());
  }

  /** Sends `n` more requests at once, outside the rate (e.g. to have many on the wire when a process dies). */
  burst(n: number): void {
    for (let i = 0; i < n; i++) this.workers.push(this.deliver(this.opts.factory.next(this.opts.eventsPerRequest)));
  }

  /** Stops planning new requests and waits until every started request was acknowledged or abandoned. */
  async stop(): Promise<void> {
    this.issuing = false;
    await Promise.all(this.workers);
  }

  private async worker(): Promise<void> {
    while (this.issuing) {
      const slot = this.nextSlotMs;
      this.nextSlotMs = Math.max(Date.now(), slot) + 1_000 / this.opts.ratePerSec;
      await sleep(Math.max(0, slot - Date.now()));
      if (!this.issuing) return;
      await this.deliver(this.opts.factory.next(this.opts.eventsPerRequest));
    }
  }

  private async deliver(request: PlannedRequest): Promise<void> {
    const record = this.opts.log.begin(request);
    const giveUpAt = Date.now() + this.opts.retryHorizonMs;
    for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
      const { done, waitMs } = await this.once(record);
      if (done) return;
      await sleep(waitMs ?? Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)));
    }
  }

  private async once(record: RequestRecord): Promise<{ done: boolean; waitMs?: number }> {
    const { request } = record;
    const sentAt = Date.now();
    const base = { sentAt, retryAfter: undefined, errorCode: undefined, duplicate: undefined };
    try {
      const res = await fetch(`${this.opts.ingestUrl()}${request.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${request.token}`,
          'idempotency-key': request.idempotencyKey,
        },
        body: request.body,
        signal: AbortSignal.timeout(this.opts.requestTimeoutMs),
      });
      const text = await res.text();
      const json = parseJson(text);
      const attempt: Attempt = {
        ...base,
        endedAt: Date.now(),
        outcome: res.status,
        retryAfter: res.headers.get('retry-after') ?? undefined,
        errorCode: json.error?.code,
        duplicate: json.duplicate,
      };
      this.opts.log.attempt(record, attempt, json);
      if (res.status >= 200 && res.status < 300) return { done: true };
      if (res.status === 429 || res.status === 503) {
        const hinted = Number(attempt.retryAfter ?? 1) * 1_000;
        return { done: false, waitMs: Math.min(this.opts.maxRetryDelayMs, hinted) };
      }
      // Any other answer is a verdict, not a transient: a correct client would not resend it.
      return { done: res.status >= 400 && res.status < 500 };
    } catch (err) {
      const timeout = err instanceof Error && err.name === 'TimeoutError';
      this.opts.log.attempt(record, {
        ...base,
        endedAt: Date.now(),
        outcome: timeout ? 'timeout' : 'network_error',
        errorCode: errorCode(err),
      });
      return { done: false };
    }
  }
}

interface IngestReply {
  duplicate?: boolean;
  bus_seq?: number;
  error?: { code?: string };
}

function parseJson(text: string): IngestReply {
  try {
    const v = JSON.parse(text) as IngestReply | null;
    return typeof v === 'object' && v !== null ? v : {};
  } catch {
    return {};
  }
}
