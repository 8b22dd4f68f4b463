import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTransport } from '../../support/fake-transport';
import { diff, snapshot, tile } from '../../support/fixtures';
import { WallFeed } from '../../../src/lib/live/wall-feed.svelte';

const beat = (wall_seq: number, stale = false) => ({
  server_time: new Date(Date.now() + 1500).toISOString(),
  wall_seq,
  pipeline: { lag_ms: 200, stale, data_fresh: true, storage: { stalled: false, waiting: 0, stalled_for_ms: 0 } },
});

describe('WallFeed', () => {
  let transport: FakeTransport;
  let feed: WallFeed;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T09:58:00Z') });
    transport = new FakeTransport();
    feed = new WallFeed(transport, { heartbeatTimeoutMs: 4_500, tickMs: 500 });
    stop = feed.start();
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  function goLive(seq = 10) {
    transport.connect();
    transport.serverEmit('wall:snapshot:v1', snapshot(seq));
  }

  it('subscribes on connect and applies the snapshot', () => {
    transport.connect();
    expect(transport.subscriptions('wall:subscribe:v1')).toEqual([{}]);
    expect(feed.link).toBe('connecting');
    transport.serverEmit('wall:snapshot:v1', snapshot(10));
    expect(feed.link).toBe('live');
    expect(feed.lastSeq).toBe(10);
    expect(feed.tiles.size).toBe(3);
    expect(feed.provinceTiles.map((t) => t.code)).toEqual(['01', '79']);
    expect(feed.agencyTiles.map((t) => t.code)).toEqual(['BCA']);
    expect(feed.dataAsOf).toBe('2026-11-23T09:58:03Z');
    expect(feed.counts?.provinces.green).toBe(2);
  });

  it('applies consecutive diffs by code and ignores duplicates', () => {
    goLive(10);
    transport.serverEmit('wall:diff:v1', diff(11, [tile('01', { status: 'red' })]));
    expect(feed.tiles.get('01')?.status).toBe('red');
    expect(feed.tiles.get('79')?.status).toBe('green');
    expect(feed.lastSeq).toBe(11);
    expect(feed.dataAsOf).toBe('2026-11-23T09:59:00Z');
    // A replayed diff we already have changes nothing.
    transport.serverEmit('wall:diff:v1', diff(11, [tile('01', { status: 'green' })]));
    expect(feed.tiles.get('01')?.status).toBe('red');
    expect(feed.tiles.size).toBe(3);
  });

  it('on a seq gap re-subscribes with the last applied seq instead of applying', () => {
    goLive(10);
    transport.serverEmit('wall:diff:v1', diff(13, [tile('01', { status: 'red' })]));
    expect(feed.tiles.get('01')?.status).toBe('green');
    expect(feed.lastSeq).toBe(10);
    expect(transport.subscriptions('wall:subscribe:v1')).toEqual([{}, { last_seq: 10 }]);
    expect(feed.resyncs).toBe(1);
    // A second out-of-order diff while the replay is pending does not flood the server.
    transport.serverEmit('wall:diff:v1', diff(14, []));
    expect(transport.subscriptions('wall:subscribe:v1')).toHaveLength(2);
    // The replay arrives in order and is applied.
    for (const s of [11, 12, 13])
      transport.serverEmit('wall:diff:v1', diff(s, s === 13 ? [tile('01', { status: 'red' })] : []));
    expect(feed.lastSeq).toBe(13);
    expect(feed.tiles.get('01')?.status).toBe('red');
  });

  it('re-subscribes when two heartbeats announce a seq it never received', () => {
    goLive(10);
    transport.serverEmit('heartbeat:v1', beat(11));
    expect(transport.subscriptions('wall:subscribe:v1')).toHaveLength(1);
    transport.serverEmit('heartbeat:v1', beat(11));
    expect(transport.subscriptions('wall:subscribe:v1')).toEqual([{}, { last_seq: 10 }]);
  });

  it('takes a fresh snapshot when the server sequence restarted', () => {
    goLive(50);
    transport.serverEmit('heartbeat:v1', beat(2));
    expect(transport.subscriptions('wall:subscribe:v1')).toEqual([{}, {}]);
  });

  it('reports the link lost when heartbeats stop, and live again when they resume', () => {
    goLive(10);
    vi.advanceTimersByTime(2_000);
    transport.serverEmit('heartbeat:v1', beat(10));
    expect(feed.link).toBe('live');
    expect(feed.pipeline).toEqual({
      lag_ms: 200,
      stale: false,
      data_fresh: true,
      storage: { stalled: false, waiting: 0, stalled_for_ms: 0 },
    });
    expect(feed.clockSkewMs).toBe(1500);
    vi.advanceTimersByTime(4_000);
    expect(feed.link).toBe('live');
    // Within 5 s of the last message the banner must be up.
    vi.advanceTimersByTime(1_000);
    expect(feed.link).toBe('lost');
    expect(feed.linkLost).toBe(true);
    transport.serverEmit('heartbeat:v1', beat(10));
    expect(feed.link).toBe('live');
  });

  it('reports the link lost at once when the socket drops, and resumes from the last seq', () => {
    goLive(10);
    transport.serverEmit('wall:diff:v1', diff(11, []));
    transport.disconnect();
    expect(feed.link).toBe('lost');
    transport.connect();
    expect(transport.subscriptions('wall:subscribe:v1')).toEqual([{}, { last_seq: 11 }]);
    transport.serverEmit('wall:diff:v1', diff(12, []));
    expect(feed.link).toBe('live');
    expect(feed.lastSeq).toBe(12);
  });

  it('shows "lost" if the first connection never comes up', () => {
    expect(feed.link).toBe('connecting');
    vi.advanceTimersByTime(5_000);
    expect(feed.link).toBe('lost');
  });

  it('drops messages that break the contract and counts them', () => {
    goLive(10);
    transport.serverEmit('wall:diff:v1', { seq: 11 } as never);
    expect(feed.protocolErrors).toBe(1);
    expect(feed.lastSeq).toBe(10);
  });

  it('removes every listener and timer on stop', () => {
    expect(transport.listenerCount()).toBe(5);
    stop();
    expect(transport.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
  it('keeps the change list from the snapshot, adds a diff’s new changes on top, and marks them for the pulse', () => {
    const old = { at: '2026-11-23T09:50:00Z', code: '79', from: 'green' as const, to: 'yellow' as const, reasons: [] };
    const fresh = { at: '2026-11-23T09:58:30Z', code: '01', from: 'green' as const, to: 'red' as const, reasons: [] };
    transport.connect();
    transport.serverEmit('wall:snapshot:v1', { ...snapshot(10), recent_changes: [old] });
    expect(feed.changes).toEqual([old]);
    expect(feed.changedAt.size).toBe(0);
    transport.serverEmit('wall:diff:v1', diff(11, [tile('01', { status: 'red' })], undefined, [fresh]));
    expect(feed.changes.map((c) => c.code)).toEqual(['01', '79']);
    expect(feed.changedAt.get('01')).toBe(Date.now());
    // A replayed diff with the same change does not list it twice.
    transport.serverEmit('wall:diff:v1', diff(12, [], undefined, [fresh]));
    expect(feed.changes).toHaveLength(2);
  });
});
