import { describe, expect, it } from 'vitest';
import { displayState, STATUS_COLORS } from './palette';

describe('display state', () => {
  it('uses the Okabe–Ito colours', () => {
    expect(STATUS_COLORS).toMatchObject({ green: '#009E73', yellow: '#F0E442', red: '#D55E00', stale: '#0072B2' });
  });

  it('shows every tile as stale with its last colour while the link is lost', () => {
    expect(displayState({ status: 'red', last_known_status: null }, true)).toEqual({
      status: 'stale',
      lastKnown: 'red',
    });
    expect(displayState({ status: 'red', last_known_status: null }, false)).toEqual({ status: 'red', lastKnown: null });
  });

  it('keeps the server-side last known colour of a stale tile', () => {
    expect(displayState({ status: 'stale', last_known_status: 'yellow' }, false)).toEqual({
      status: 'stale',
      lastKnown: 'yellow',
    });
  });

  it('treats a unit missing from the snapshot as not reporting', () => {
    expect(displayState(undefined, false)).toEqual({ status: 'noreport', lastKnown: null });
  });
});
