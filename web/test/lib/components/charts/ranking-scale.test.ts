import { describe, expect, it } from 'vitest';
import { rankingFixture } from '../../../support/fixtures';
import { STATUS_COLORS } from '../../../../src/lib/status/palette';
import {
  bandCounts,
  barLook,
  NEUTRAL_BAR,
  niceStep,
  rankingDomain,
} from '../../../../src/lib/components/charts/ranking-scale';

/** Where a value falls along the axis, 0 at the left edge and 1 at the right. */
const position = (v: number, d: { min: number; max: number }) => (v - d.min) / (d.max - d.min);

describe('ranking scale', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.016)).toBe(0.02);
    expect(niceStep(0.0021)).toBe(0.0025);
    expect(niceStep(0.04)).toBe(0.05);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(120)).toBe(200);
  });

  it('fits 84 % and 86 % with an 80 % target so the two bars differ by a fifth of the axis', () => {
    const d = rankingDomain([0.86, 0.84, null], 0.8, 'ratio');
    expect(d).toEqual({ min: 0.78, max: 0.88, interval: 0.02 });
    // On a 0–100 % axis they would differ by 2 % of its width.
    expect(position(0.86, d!) - position(0.84, d!)).toBeCloseTo(0.2, 6);
  });

  it('keeps the target inside the axis even when every province is above it', () => {
    const d = rankingDomain([0.995, 0.997], 0.99, 'ratio')!;
    expect(d.min).toBeLessThan(0.99);
    expect(d.max).toBeGreaterThanOrEqual(0.997);
    expect(d.max).toBeLessThanOrEqual(1);
  });

  it('never leaves 0–100 % for ratios', () => {
    const d = rankingDomain([0.0, 1.0], 0.8, 'ratio')!;
    expect(d.min).toBe(0);
    expect(d.max).toBe(1);
  });

  it('starts counts at zero and holds negative changes below zero', () => {
    expect(rankingDomain([120, 340], null, 'count')?.min).toBe(0);
    const d = rankingDomain([-62, 15], -50, 'signed-pct')!;
    expect(d.min).toBeLessThan(-62);
    expect(d.max).toBeGreaterThan(15);
  });

  it('has nothing to fit when no province has a value and there is no target', () => {
    expect(rankingDomain([null, null], null, 'ratio')).toBeNull();
  });

  it('gives each band its state colour and icon, a neutral bar without a target, grey without a value', () => {
    expect(barLook('red', true, 0.5)).toMatchObject({ color: STATUS_COLORS.red, icon: '✕' });
    expect(barLook('green', true, 0.9)).toMatchObject({ color: STATUS_COLORS.green, icon: '✓' });
    expect(barLook('none', false, 1200)).toMatchObject({ color: NEUTRAL_BAR, icon: '' });
    expect(barLook('none', true, null)).toMatchObject({ color: STATUS_COLORS.noreport, icon: '?' });
  });

  it('counts the bars in each band', () => {
    expect(bandCounts(rankingFixture())).toEqual({ green: 1, yellow: 1, red: 1, none: 0 });
  });
});
