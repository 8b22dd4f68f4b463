import type { Tile, WallDiff } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveHub, type LiveServer } from '../src/live/live-hub.js';
import { provinceTileFixture } from './support/tile-fixtures.js';
import type { EngineChanges, StatusEngine } from '../src/status/engine.js';

// Unit test with stand-ins for socket.io and the engine, on fake timers; the real socket.io path
// is covered by live-feed.int.test.ts.
function harness() {
  const emitted: WallDiff[] = [];
  const io = {
    on: () => undefined,
    emit: () => true,
    to: (room: string) => ({
      emit: (event: string, diff: WallDiff) => {
        if (room === 'wall' && event === 'wall:diff:v1') emitted.push(diff);
        return true;
      },
    }),
  } as unknown as LiveServer;
  let listener: ((c: EngineChanges) => void) | undefined;
  const tile = (status: Tile['status']): Tile => provinceTileFixture({ status });
  let current = tile('green');
  const engine = {
    onChanges: (l: (c: EngineChanges) => void) => (listener = l),
    allTiles: () => [current],
    tile: () => current,
    child: () => undefined,
  } as unknown as StatusEngine;
  const hub = new LiveHub(io, engine, defaultRegistry(), () => Date.now(), {
    urgentFlushMs: 250,
    routineFlushMs: 5_000,
    heartbeatMs: 60_000,
    ringSize: 300,
    resumeWindowMs: 120_000,
  });
  const change = (urgent: boolean) => {
    current = tile(current.status === 'red' ? 'green' : 'red');
    listener?.({ tiles: [current], children: new Map(), urgent, statusChanges: [] });
  };
  return { hub, emitted, change };
}

describe('LiveHub diff cadence', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('sends colour changes at most once per urgent period however fast they come (≤ 4 diffs/s)', () => {
    const { hub, emitted, change } = harness();
    hub.start();
    // 16 colour changes a second for 5 seconds.
    for (let i = 0; i < 80; i++) {
      change(true);
      vi.advanceTimersByTime(1_000 / 16);
    }
    vi.advanceTimersByTime(1_000);
    hub.stop();
    const perSecond = new Map<number, number>();
    for (const d of emitted) {
      const s = Math.floor(Date.parse(d.generated_at) / 1_000);
      perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(4);
    // …and none is lost: the last diff carries the last colour, with consecutive sequence numbers.
    expect(emitted.at(-1)?.tiles[0]?.status).toBe('green');
    expect(emitted.map((d) => d.seq)).toEqual(emitted.map((_, i) => i + 1));
  });

  it('sends the first colour change without waiting for the routine batch', () => {
    const { hub, emitted, change } = harness();
    hub.start();
    vi.advanceTimersByTime(1_000);
    change(true);
    vi.advanceTimersByTime(300);
    expect(emitted).toHaveLength(1);
    change(false);
    vi.advanceTimersByTime(1_000);
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(emitted).toHaveLength(2);
    hub.stop();
  });
});
