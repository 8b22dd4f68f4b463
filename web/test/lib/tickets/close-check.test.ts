import { describe, expect, it } from 'vitest';
import { redByFigures, wallCodeOf } from '../../../src/lib/tickets/close-check';
import { reason, tile } from '../../support/fixtures';

describe('closing a ticket while its unit is red', () => {
  it('names the red figures, not the ticket that holds the colour', () => {
    const t = tile('BCA', {
      status: 'red',
      reasons: [reason({ indicator: 'open_ticket', status: 'red' }), reason({ indicator: 'cpu', status: 'red' })],
    });
    expect(redByFigures(t).map((r) => r.indicator)).toEqual(['cpu']);
  });

  it('has nothing to warn about when only the ticket keeps the unit red, or the unit is not red', () => {
    expect(
      redByFigures(tile('BCA', { status: 'red', reasons: [reason({ indicator: 'open_ticket', status: 'red' })] })),
    ).toEqual([]);
    expect(
      redByFigures(tile('BCA', { status: 'yellow', reasons: [reason({ indicator: 'cpu', status: 'yellow' })] })),
    ).toEqual([]);
    expect(redByFigures(undefined)).toEqual([]);
  });

  it('finds a commune ticket’s province tile', () => {
    expect(wallCodeOf('01001')).toBe('01');
    expect(wallCodeOf('BCA')).toBe('BCA');
  });
});
