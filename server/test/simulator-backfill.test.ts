import { defaultRegistry } from '@kh02/schemas/registry';
import { HealthSampleSchema } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { BACKFILL_STEP_MS, backfillSamples } from '../src/simulator/backfill.js';
import { systemProfiles } from '../src/simulator/profiles.js';

const systems = systemProfiles(defaultRegistry());
const NOW = Date.parse('2026-12-04T19:13:31Z');

describe('demo history for the charts', () => {
  const batches = backfillSamples(systems, NOW);
  const samples = batches.flat();

  it('gives every sending system one valid sample per 5-minute bucket of the last 24 h', () => {
    const sending = systems.filter((s) => s.trouble !== 'down');
    expect(samples.length).toBe(sending.length * 288);
    const one = samples.filter((s) => s.system_id === sending[0]?.id).map((s) => Date.parse(s.observed_at));
    expect(one[0]).toBe(Math.floor(NOW / BACKFILL_STEP_MS) * BACKFILL_STEP_MS - 86_400_000);
    expect(one.every((t, i) => i === 0 || t - (one[i - 1] ?? 0) === BACKFILL_STEP_MS)).toBe(true);
    expect(samples.every((s) => HealthSampleSchema.safeParse(s).success)).toBe(true);
    expect(samples.some((s) => s.alerts !== undefined)).toBe(false);
  });

  it('sends the same event ids again on a restart (the writer keeps each once)', () => {
    const again = backfillSamples(systems, NOW + 60_000).flat();
    expect(again.map((s) => s.event_id)).toEqual(samples.map((s) => s.event_id));
  });

  it('batches per vendor, at most 1,000 events a request', () => {
    expect(batches.every((b) => b.length <= 1_000 && new Set(b.map((s) => s.vendor)).size === 1)).toBe(true);
  });
});
