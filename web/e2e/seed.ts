/*
 * A morning's worth of data for the screens that summarise it: healthy
 * samples from most systems, yesterday's daily reports from some (late: they
 * arrive now), and today's counter reports from a few provinces' communes.
 * The rest stays silent, so the 07:30 panel has something to sort.
 */
import { randomUUID } from 'node:crypto';
import { addDays, vnLocalDate } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { postEvents, type Embedded } from './support';

const registry = defaultRegistry();

export async function seedMorning(system: Embedded, skipSystem: string): Promise<void> {
  const now = Date.now();
  const yesterday = addDays(vnLocalDate(now), -1);
  for (const vendor of registry.vendors) {
    const key = `vendor-${vendor.code.toLowerCase()}`;
    if (!system.tokens[key]) continue;
    // Two in three systems report; every other one of those also sent yesterday's report.
    const systems = registry.systemsOfVendor(vendor.code).filter((s, i) => s.id !== skipSystem && i % 3 !== 2);
    if (systems.length === 0) continue;
    await postEvents(
      system,
      '/v1/health-samples',
      key,
      systems.map((s) => ({
        event_id: `e2e-${randomUUID()}`,
        vendor: vendor.code,
        system_id: s.id,
        unit_code: s.unitCode,
        observed_at: new Date(now - 20_000).toISOString(),
        uptime_pct: 99.9,
        cpu_pct: 35,
        ram_pct: 52,
        net_in_bps: 2e6,
        net_out_bps: 3e6,
      })),
    );
    await postEvents(
      system,
      '/v1/health-reports',
      key,
      systems
        .filter((_, i) => i % 2 === 0)
        .map((s) => ({
          event_id: `e2e-${randomUUID()}`,
          vendor: vendor.code,
          system_id: s.id,
          unit_code: s.unitCode,
          report_date: yesterday,
          uptime_pct: 99.95,
          peaks: [
            {
              at: `${yesterday}T03:00:00.000Z`,
              cpu_pct: 71,
              ram_pct: 64,
              net_in_bps: 5e6,
              net_out_bps: 6e6,
            },
          ],
        })),
    );
  }
  // Today's counters from three provinces, some communes silent.
  for (const [province, share] of [
    ['79', 0.9],
    ['31', 0.6],
    ['48', 0.3],
  ] as const) {
    const communes = registry.communesOf(province, { includeCentre: true });
    const reporting = communes.slice(0, Math.round(communes.length * share));
    await postEvents(
      system,
      '/v1/counter-reports',
      `counter-p${province}`,
      reporting.map((c, i) => {
        const received = 40 + ((i * 7) % 60);
        const online = Math.round(received * (0.7 + (i % 5) * 0.05));
        const processed = received - 5;
        const late = i % 9 === 0 ? 2 : 0;
        return {
          event_id: `e2e-${randomUUID()}`,
          unit_code: c.code,
          interval_end: new Date(now - 30_000).toISOString(),
          received,
          received_online: online,
          processed,
          on_time: processed - late,
          late,
          top_procedures: [
            { code: '2.000815', received: Math.round(received * 0.4) },
            { code: '2.000635', received: Math.round(received * 0.2) },
          ],
        };
      }),
    );
  }
}
