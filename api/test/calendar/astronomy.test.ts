import { describe, expect, it } from 'vitest';
import {
  deltaTSeconds,
  newMoonIndexAtOrBefore,
  newMoonJde,
  newMoonUtcMs,
  sunApparentLongitude,
} from '../../src/calendar/astronomy.js';

const MINUTE = 60_000;

function nearestNewMoon(iso: string): number {
  return newMoonUtcMs(newMoonIndexAtOrBefore(Date.parse(iso) + 12 * 3_600_000));
}

describe('new moons (Meeus ch. 49)', () => {
  it('reproduces Meeus example 49.a (new moon of 1977 Feb 18)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it.each([
    // Published instants (UT) of new moons that decide Tết dates.
    ['2025-01-29T12:36:00Z'],
    ['2030-02-02T16:07:00Z'],
    ['2007-02-17T16:14:00Z'],
    ['1985-01-21T02:28:00Z'],
  ])('puts the new moon near %s within 3 minutes', (iso) => {
    expect(Math.abs(nearestNewMoon(iso) - Date.parse(iso))).toBeLessThan(3 * MINUTE);
  });

  it('rejects fractional lunation numbers', () => {
    expect(() => newMoonJde(0.5)).toThrow(RangeError);
  });
});

describe('solar longitude (Meeus ch. 25)', () => {
  it.each([
    ['2024-03-20T03:06:00Z', 0],
    ['2025-12-21T15:03:00Z', 270],
    ['2025-06-21T02:42:00Z', 90],
  ])('is at %s within 0.01° of %i°', (iso, expected) => {
    const lon = sunApparentLongitude(Date.parse(iso));
    const diff = ((lon - expected + 540) % 360) - 180;
    expect(Math.abs(diff)).toBeLessThan(0.01);
  });
});

describe('ΔT', () => {
  it('is about a minute in this era and grows away from it', () => {
    expect(deltaTSeconds(2025)).toBeGreaterThan(60);
    expect(deltaTSeconds(2025)).toBeLessThan(80);
    expect(deltaTSeconds(1970)).toBeCloseTo(40, -1);
  });
});
