import type { AckLog, Attempt } from './ack-log.js';

export interface LoadSummary {
  requests: number;
  acknowledgedRequests: number;
  abandonedRequests: number;
  attempts: number;
  /** Attempts by outcome: "202", "503", "network_error", … */
  outcomes: Record<string, number>;
  /** 2xx answers that were a retry recognised by the bus (`duplicate: true`). */
  duplicateAcks: number;
  /** 429/503 answers without Retry-After (must be 0). */
  retryAfterMissing: number;
  /** Answers other than 2xx, 429 and 503 (must be empty: the load is valid). */
  unexpected: { status: number; code: string | undefined }[];
  /** Error codes seen on 503s, e.g. BUS_UNAVAILABLE. */
  unavailableCodes: Record<string, number>;
  maxAttemptsPerRequest: number;
}

const isRetryable = (a: Attempt) => a.outcome === 429 || a.outcome === 503;

export function summariseLoad(log: AckLog): LoadSummary {
  const attempts = log.attempts();
  const outcomes: Record<string, number> = {};
  const unavailableCodes: Record<string, number> = {};
  for (const a of attempts) {
    outcomes[String(a.outcome)] = (outcomes[String(a.outcome)] ?? 0) + 1;
    if (a.outcome === 503) unavailableCodes[a.errorCode ?? '?'] = (unavailableCodes[a.errorCode ?? '?'] ?? 0) + 1;
  }
  return {
    requests: log.requests.length,
    acknowledgedRequests: log.requests.filter((r) => r.ackedAt !== undefined).length,
    abandonedRequests: log.requests.filter((r) => r.ackedAt === undefined).length,
    attempts: attempts.length,
    outcomes,
    duplicateAcks: attempts.filter((a) => a.duplicate === true).length,
    retryAfterMissing: attempts.filter((a) => isRetryable(a) && !a.retryAfter).length,
    unexpected: attempts
      .filter((a) => typeof a.outcome === 'number' && !(a.outcome >= 200 && a.outcome < 300) && !isRetryable(a))
      .map((a) => ({ status: a.outcome as number, code: a.errorCode })),
    unavailableCodes,
    maxAttemptsPerRequest: Math.max(0, ...log.requests.map((r) => r.attempts.length)),
  };
}

/** Attempts by outcome, e.g. { "503": 12, "network_error": 3 }. */
export function outcomeHistogram(attempts: Attempt[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of attempts) out[String(a.outcome)] = (out[String(a.outcome)] ?? 0) + 1;
  return out;
}
