import type { UnitSnapshot } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../support/fake-transport';
import { child, tile } from '../../support/fixtures';
import { mergeChildren } from '../../../src/lib/live/tile-maps';
import { UnitFeed } from '../../../src/lib/live/unit-feed.svelte';

const snap = (seq: number): UnitSnapshot => ({
  seq,
  generated_at: '2026-11-23T09:58:00Z',
  tile: tile('14'),
  communes: [child('14001'), child('14002')],
  systems: [child('SYS-1', { kind: 'system', vendor: 'VNPT' })],
});

describe('UnitFeed', () => {
  it('subscribes to its room, applies snapshot and diffs for its own code only', () => {
    const t = new FakeTransport();
    const feed = new UnitFeed(t, '14');
    const stop = feed.start();
    t.connect();
    expect(t.subscriptions('unit:subscribe:v1')).toEqual([{ code: '14' }]);
    t.serverEmit('unit:snapshot:v1', snap(3));
    expect(feed.communes).toHaveLength(2);
    t.serverEmit('unit:diff:v1', {
      seq: 4,
      generated_at: 'x',
      code: '14',
      tile: tile('14', { status: 'red' }),
      communes: [child('14002', { status: 'noreport' })],
      systems: [],
    });
    expect(feed.tile?.status).toBe('red');
    expect(feed.communes.map((c) => c.status)).toEqual(['green', 'noreport']);
    // Another room's diff on the same socket is not ours.
    t.serverEmit('unit:diff:v1', { seq: 5, generated_at: 'x', code: '01', tile: null, communes: [], systems: [] });
    expect(feed.lastSeq).toBe(4);
    // A gap asks the room to replay from the last applied seq.
    t.serverEmit('unit:diff:v1', { seq: 9, generated_at: 'x', code: '14', tile: null, communes: [], systems: [] });
    expect(t.subscriptions('unit:subscribe:v1')).toEqual([{ code: '14' }, { code: '14', last_seq: 4 }]);
    stop();
    expect(t.subscriptions('unit:unsubscribe:v1')).toEqual([{ code: '14' }]);
    expect(t.listenerCount()).toBe(0);
  });

  it('keeps the server order when merging children', () => {
    const merged = mergeChildren([child('a'), child('b')], [child('c'), child('a', { status: 'red' })]);
    expect(merged.map((c) => `${c.code}:${c.status}`)).toEqual(['a:red', 'b:green', 'c:green']);
  });
});
