import { describe, expect, it } from 'vitest';
import { SystemHealth, type Sample } from '../src/status/state/health-state.js';

const sample = (eventId: string, t: number, cpu = 50): Sample => ({
  eventId,
  t,
  uptime: 100,
  cpu,
  ram: 40,
  responseMs: null,
});

describe('SystemHealth samples', () => {
  it('keeps samples in time order whatever order they arrive in, and counts a re-sent one once', () => {
    const h = new SystemHealth();
    for (const [id, t] of [
      ['c', 3_000],
      ['a', 1_000],
      ['d', 4_000],
      ['b', 2_000],
      ['a', 1_000],
      ['b2', 2_000],
    ] as const)
      h.addSample(sample(id, t));
    expect(h.samplesSince(0).map((s) => s.eventId)).toEqual(['a', 'b', 'b2', 'c', 'd']);
    expect(h.samplesSince(2_000).map((s) => s.eventId)).toEqual(['b', 'b2', 'c', 'd']);
    expect(h.samplesSince(4_001)).toEqual([]);
    expect(h.lastSampleAt).toBe(4_000);
  });

  it('keeps the first copy of an event id, as the store does', () => {
    const h = new SystemHealth();
    h.addSample(sample('x', 1_000, 10));
    h.addSample(sample('x', 1_000, 99));
    expect(h.samplesSince(0).map((s) => s.cpu)).toEqual([10]);
  });

  it('holds at most the newest N samples under a flood, and forgets the dropped ids', () => {
    const h = new SystemHealth(50);
    for (let i = 0; i < 1_000; i++) h.addSample(sample(`e${i}`, i));
    const held = h.samplesSince(0);
    expect(held).toHaveLength(50);
    expect(held[0]?.eventId).toBe('e950');
    expect(held.at(-1)?.eventId).toBe('e999');
    // A dropped id is forgotten: the same id arriving again (newer) is held, not refused as a duplicate.
    h.addSample(sample('e0', 2_000));
    expect(h.samplesSince(0).at(-1)?.eventId).toBe('e0');
  });

  it('prunes samples older than the window', () => {
    const h = new SystemHealth();
    for (let i = 0; i < 10; i++) h.addSample(sample(`e${i}`, i * 1_000));
    h.prune(5_000, 0, '2000-01-01');
    expect(h.samplesSince(0).map((s) => s.t)).toEqual([5_000, 6_000, 7_000, 8_000, 9_000]);
    // A pruned id may come back (redelivered after the window): it is old, so it is simply held again.
    h.addSample(sample('e1', 1_000));
    expect(h.samplesSince(0)[0]?.eventId).toBe('e1');
  });
});
