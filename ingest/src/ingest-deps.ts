import type { IngestAccepted, TimeWindowPolicy } from '@kh02/schemas';
import type { Bus, HttpTimeouts } from '@kh02/platform';
import type { ApiKeyStore } from './auth/api-keys.js';
import type { KeyRateLimiter } from './auth/rate-limiter.js';
import type { ScopeRegistry } from './auth/scope.js';
import type { IdempotencyCache } from './idempotency-cache.js';
import type { IngestMetrics } from './metrics.js';

/** What a request was answered, kept so a concurrent retry under the same key gets the same answer. */
export interface AcceptedOutcome {
  code: 202 | 207;
  body: IngestAccepted;
}

/** Everything the ingest HTTP app needs, injected (tests pass their own clock and bus). */
export interface IngestDeps {
  bus: Bus;
  keys: ApiKeyStore;
  registry: ScopeRegistry;
  rateLimiter: KeyRateLimiter;
  idempotency: IdempotencyCache<AcceptedOutcome>;
  metrics: IngestMetrics;
  timeWindow: TimeWindowPolicy;
  now: () => number;
  /** Extra readiness checks (e.g. the embedded writer); the bus is always checked. */
  readinessChecks?: Array<() => Promise<boolean> | boolean>;
  /** Socket and request timeouts (defaults: DEFAULT_HTTP_TIMEOUTS). */
  httpTimeouts?: HttpTimeouts;
}
