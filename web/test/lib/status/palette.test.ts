import { describe, expect, it } from 'vitest';
import { STATUS_ICON } from '$lib/components/icons/icons';
import { displayState, STATUS_COLORS } from '../../../src/lib/status/palette';

describe('display state', () => {
  it('gives each of the five states its own colour and its own icon', () => {
    const states = ['green', 'yellow', 'red', 'noreport', 'stale'] as const;
    expect(new Set(states.map((s) => STATUS_COLORS[s].toLowerCase())).size).toBe(5);
    expect(new Set(states.map((s) => STATUS_ICON[s])).size).toBe(5);
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
