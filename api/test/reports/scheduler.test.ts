import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportScheduler } from '../../src/reports/scheduler.js';
import { silentLogger } from '../support/reports/report-fixtures.js';

const GRACE = 60_000;

function harness(startIso: string, failFirst = false) {
  let now = Date.parse(startIso);
  const frozen: string[] = [];
  let failures = failFirst ? 1 : 0;
  const scheduler = new ReportScheduler({
    freeze: (kind, date) => {
      if (failures > 0) {
        failures--;
        return Promise.reject(new Error('ClickHouse is down'));
      }
      frozen.push(`${kind}:${date}`);
      return Promise.resolve();
    },
    now: () => now,
    logger: silentLogger,
    graceMs: GRACE,
  });
  return {
    scheduler,
    frozen,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('report scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('catches up on start, then waits until 08:31 local for the next daily report', async () => {
    // Wednesday 15 July 2026, 10:00 in Hà Nội.
    const h = harness('2026-07-15T03:00:00Z');
    const wait = await h.scheduler.tick();
    expect(h.frozen).toEqual(['daily:2026-07-15', 'weekly:2026-07-10']);
    // Next: 16 July 08:30 + 1 min grace, but never more than an hour at a time.
    expect(wait).toBe(3_600_000);
    h.advance(Date.parse('2026-07-16T01:30:00Z') - Date.parse('2026-07-15T03:00:00Z'));
    expect(await h.scheduler.tick()).toBe(GRACE);
    expect(h.frozen).toHaveLength(2);
    h.advance(GRACE);
    await h.scheduler.tick();
    expect(h.frozen).toEqual(['daily:2026-07-15', 'weekly:2026-07-10', 'daily:2026-07-16']);
  });

  it('freezes the weekly report at 14:00 on Friday, not before', async () => {
    const h = harness('2026-07-17T06:59:00Z');
    await h.scheduler.tick();
    expect(h.frozen).toEqual(['daily:2026-07-17', 'weekly:2026-07-10']);
    h.advance(2 * 60_000);
    const wait = await h.scheduler.tick();
    expect(h.frozen.at(-1)).toBe('weekly:2026-07-17');
    expect(wait).toBeGreaterThan(0);
  });

  it('retries a failed freeze a minute later', async () => {
    const h = harness('2026-07-15T03:00:00Z', true);
    expect(await h.scheduler.tick()).toBe(60_000);
    expect(h.frozen).toEqual(['weekly:2026-07-10']);
    expect(await h.scheduler.tick()).toBe(3_600_000);
    expect(h.frozen).toEqual(['weekly:2026-07-10', 'daily:2026-07-15']);
  });

  it('runs on its own timer once started, and stops', async () => {
    vi.useFakeTimers();
    const h = harness('2026-07-16T01:00:00Z');
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.frozen).toEqual(['daily:2026-07-15', 'weekly:2026-07-10']);
    h.advance(31 * 60_000);
    await vi.advanceTimersByTimeAsync(31 * 60_000);
    expect(h.frozen).toContain('daily:2026-07-16');
    h.scheduler.stop();
    h.advance(86_400_000);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(h.frozen).not.toContain('daily:2026-07-17');
  });
});
