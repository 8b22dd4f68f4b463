interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token bucket per API key (not per IP: vendor gateways share addresses
 * behind NAT), so one vendor's 17:00 flood cannot starve the others.
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes one token; returns 0 when allowed, else the ms until one is available. */
  take(keyId: string, ratePerSec: number, burst: number, nowMs: number): number {
    const b = this.buckets.get(keyId) ?? { tokens: burst, updatedMs: nowMs };
    const refill = ((nowMs - b.updatedMs) / 1000) * ratePerSec;
    b.tokens = Math.min(burst, b.tokens + refill);
    b.updatedMs = nowMs;
    this.buckets.set(keyId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / ratePerSec) * 1000);
  }
}
