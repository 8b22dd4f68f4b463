import { describe, expect, it } from 'vitest';
import { replayChangesUntil, replayStateAt, type Replay } from '../../src/status/replay.js';

const T0 = Date.parse('2026-12-03T09:45:00Z'); // 16:45 in Hà Nội
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const reason = (vi: string) => ({
  indicator: 'system_status' as const,
  status: 'red' as const,
  value: null,
  threshold: null,
  comparator: null,
  unit: null,
  since: null,
  message: { vi, en: vi },
});

const replay: Replay = {
  from: at(0),
  to: at(45),
  units: [
    { code: '01', status: 'green', since: at(-120), reasons: [] },
    { code: 'BCA', status: 'yellow', since: at(-30), reasons: [] },
  ],
  changes: [
    { at: at(5), code: '01', from: 'green', to: 'red', reasons: [reason('CPU 99 %')] },
    { at: at(20), code: '79', from: 'noreport', to: 'green', reasons: [] },
    { at: at(30), code: '01', from: 'red', to: 'green', reasons: [] },
  ],
};

describe('replay reconstruction', () => {
  it('is the snapshot at the start of the window', () => {
    const s = replayStateAt(replay, T0);
    expect(s.get('01')).toEqual({ status: 'green', since: at(-120), reasons: [] });
    expect(s.get('BCA')?.status).toBe('yellow');
    expect(s.has('79')).toBe(false);
  });

  it('applies each change at its own instant, with its reasons and since', () => {
    expect(replayStateAt(replay, T0 + 5 * 60_000 - 1).get('01')?.status).toBe('green');
    const red = replayStateAt(replay, T0 + 5 * 60_000).get('01');
    expect(red).toEqual({ status: 'red', since: at(5), reasons: [reason('CPU 99 %')] });
    const later = replayStateAt(replay, T0 + 25 * 60_000);
    expect(later.get('01')?.status).toBe('red');
    expect(later.get('79')).toEqual({ status: 'green', since: at(20), reasons: [] });
    expect(replayStateAt(replay, T0 + 45 * 60_000).get('01')).toEqual({ status: 'green', since: at(30), reasons: [] });
  });

  it('leaves units without changes as they were at the start', () => {
    expect(replayStateAt(replay, T0 + 45 * 60_000).get('BCA')).toEqual({
      status: 'yellow',
      since: at(-30),
      reasons: [],
    });
  });

  it('lists the changes up to an instant newest first, at most the limit', () => {
    expect(replayChangesUntil(replay, T0 + 25 * 60_000, 10).map((c) => [c.code, c.to])).toEqual([
      ['79', 'green'],
      ['01', 'red'],
    ]);
    expect(replayChangesUntil(replay, T0 + 45 * 60_000, 1).map((c) => c.at)).toEqual([at(30)]);
    expect(replayChangesUntil(replay, T0, 10)).toEqual([]);
  });
});
