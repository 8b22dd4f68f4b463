import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../src/runner/latency-recorder.js';
import { answeredProperly } from '../src/runner/run-ingest.js';
import { evaluateThresholds } from '../src/runner/thresholds.js';

describe('runner metrics', () => {
  it('nearest-rank percentiles', () => {
    const r = new LatencyRecorder();
    for (let i = 1; i <= 2_000; i++) r.record(i);
    expect(r.percentile(50)).toBe(1_000);
    expect(r.percentile(99)).toBe(1_980);
    expect(r.summary().max).toBe(2_000);
  });

  it('evaluates k6 threshold expressions on the runner measurements', () => {
    const latency = new LatencyRecorder();
    for (let i = 1; i <= 100; i++) latency.record(i);
    const verdicts = evaluateThresholds(
      { http_req_duration: ['p(99)<50', 'med<=50'], http_req_failed: ['rate==0'], dropped_iterations: ['count==0'] },
      {
        http_req_duration: { type: 'trend', recorder: latency },
        http_req_failed: { type: 'rate', passes: 0, total: 100 },
        dropped_iterations: { type: 'counter', count: 3 },
      },
    );
    expect(verdicts.map((v) => v.ok)).toEqual([false, true, true, false]);
    expect(() => evaluateThresholds({ x: ['p99 < 5'] }, {})).toThrow();
  });

  it("the burst's check accepts 429/503 only with Retry-After", () => {
    const a = (status: number, retryAfter: boolean) =>
      answeredProperly({ status, retryAfter, latencyMs: 1, accepted: 0 });
    expect(a(202, false)).toBe(true);
    expect(a(429, true)).toBe(true);
    expect(a(429, false)).toBe(false);
    expect(a(500, true)).toBe(false);
    expect(a(0, false)).toBe(false);
  });
});
