import type { HealthSample } from '@kh02/schemas';
import { mulberry32, type SystemProfile } from './profiles.js';

/** One bucket of the 24 h health chart (health_minute rolled up by 5 min). */
export const BACKFILL_STEP_MS = 5 * 60_000;
const BACKFILL_SPAN_MS = 24 * 3_600_000;
const BATCH = 1_000;

/**
 * Health samples for the last 24 h, one per system per 5 minutes, so the
 * drill-down's charts have a day of history the moment the demo starts
 * instead of one dot. Event ids are derived from system and time, so a
 * restart sends the same events and the writer keeps each once. No alerts:
 * a day of repeated alerts would only bury the live ones.
 */
export function backfillSamples(systems: readonly SystemProfile[], nowMs: number): HealthSample[][] {
  const end = Math.floor(nowMs / BACKFILL_STEP_MS) * BACKFILL_STEP_MS;
  const samples: HealthSample[] = [];
  for (const s of systems) {
    if (s.trouble === 'down') continue;
    const random = mulberry32(Math.floor(s.cpuBase * 1_000));
    const hot = s.trouble === 'overloaded';
    for (let t = end - BACKFILL_SPAN_MS; t < end; t += BACKFILL_STEP_MS) {
      const jitter = (random() - 0.5) * 10;
      samples.push({
        event_id: `sim-${s.id}-${t}`,
        vendor: s.vendor,
        system_id: s.id,
        unit_code: s.unitCode,
        observed_at: new Date(t).toISOString(),
        uptime_pct: hot ? 97 + random() * 2 : 99.9 + random() * 0.1,
        cpu_pct: Math.max(0, Math.min(100, hot ? 96 + random() * 4 : s.cpuBase + jitter)),
        ram_pct: Math.max(0, Math.min(100, hot ? 91 + random() * 5 : s.ramBase + jitter)),
        net_in_bps: Math.round(2e7 + random() * 8e7),
        net_out_bps: Math.round(1e7 + random() * 5e7),
        response_ms: Math.round(hot ? 4000 + random() * 3000 : 150 + random() * 250),
      });
    }
  }
  const byVendor = new Map<string, HealthSample[][]>();
  for (const sample of samples) {
    const batches = byVendor.get(sample.vendor) ?? [[]];
    let last = batches[batches.length - 1] ?? [];
    if (last.length >= BATCH) batches.push((last = []));
    last.push(sample);
    byVendor.set(sample.vendor, batches);
  }
  return [...byVendor.values()].flat();
}
