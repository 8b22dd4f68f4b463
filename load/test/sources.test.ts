import { defaultRegistry } from '@kh02/schemas/registry';
import { describe, expect, it } from 'vitest';
import {
  COUNTER_SOURCES,
  COUNTER_TOTAL,
  SYSTEM_SOURCES,
  SYSTEM_TOTAL,
  TILE_PROBE_PROVINCES,
} from '../scenarios/index.js';
import { sourcesFromRegistry } from '../src/scenarios/sources-module.js';

describe('scenarios/sources.js', () => {
  it('is exactly what the unit registry holds (regenerate with `npm run sources -w @kh02/load`)', () => {
    const expected = sourcesFromRegistry(defaultRegistry());
    expect(COUNTER_SOURCES).toEqual(expected.counters);
    expect(SYSTEM_SOURCES).toEqual(expected.systems);
  });

  it('covers the 3,355 counters (3,321 communes + 34 provincial centres) and every system', () => {
    const registry = defaultRegistry();
    expect(COUNTER_TOTAL).toBe(registry.communes.length);
    expect(COUNTER_TOTAL).toBe(3_355);
    expect(SYSTEM_TOTAL).toBe(registry.systems.length);
  });

  it('probes provinces that exist, through their service centres', () => {
    const registry = defaultRegistry();
    for (const p of TILE_PROBE_PROVINCES) {
      const entry = COUNTER_SOURCES.find(([code]) => code === p);
      expect(entry?.[1]).toBe(registry.centreOf(p)?.code);
    }
  });
});
