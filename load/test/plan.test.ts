import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  ingestPlan,
  interleave,
  iterationsDue,
  parseDuration,
  pickStream,
  planDurationSec,
} from '../scenarios/index.js';

describe('execution plans', () => {
  it('parses and formats k6 durations', () => {
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration('250ms')).toBe(0.25);
    expect(formatDuration(15)).toBe('15s');
    expect(() => parseDuration('15 seconds')).toThrow();
  });

  it('integrates constant and ramping arrival rates the way k6 schedules them', () => {
    const x10 = ingestPlan('x10', { DURATION: '10s' });
    expect(iterationsDue(x10, 1)).toBe(10_000);
    expect(iterationsDue(x10, 10)).toBe(100_000);
    expect(iterationsDue(x10, 99)).toBe(100_000);
    const burst = ingestPlan('burst-17h');
    expect(planDurationSec(burst)).toBe(4);
    // Linear ramp 0 → peak over 1 s: half the peak by its end.
    expect(iterationsDue(burst, 1)).toBe(Math.floor(burst.stages[0]!.target / 2));
    expect(iterationsDue(burst, 4)).toBe(burst.maxIterations);
  });

  it('scales rates, VUs and the burst size with SCALE', () => {
    expect(ingestPlan('x10', { SCALE: '0.1' }).stages[0]?.target).toBe(1_000);
    expect(ingestPlan('saturate-single', { SCALE: '0.5' }).stages[0]?.target).toBe(32);
    expect(ingestPlan('burst-17h', { SCALE: '0.5' }).maxIterations).toBe(1_799);
    expect(() => ingestPlan('x10', { SCALE: '-1' })).toThrow();
  });

  it('interleaves a weighted mix smoothly and numbers each stream from 0', () => {
    const table = interleave([7, 3]);
    const picks = Array.from({ length: 20 }, (_, i) => pickStream(table, i));
    expect(picks.filter((p) => p.stream === 0)).toHaveLength(14);
    expect(picks.filter((p) => p.stream === 0).map((p) => p.k)).toEqual([...Array(14).keys()]);
    expect(picks.filter((p) => p.stream === 1).map((p) => p.k)).toEqual([...Array(6).keys()]);
    // Never more than three of the heavier stream in a row.
    const runs = picks
      .map((p) => p.stream)
      .join('')
      .split('1')
      .map((r) => r.length);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });
});
