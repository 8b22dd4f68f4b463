import type { WallSnapshot } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { eventually, postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** "Mới chuyển trạng thái": the wall's list of colour changes, live and after a restart. */
const registry = defaultRegistry();
const system = registry.systemsOfVendor('VNPT').find((s) => /^\d{2}$/.test(s.unitCode) && s.critical);
if (!system) throw new Error('no critical VNPT system owned by a province');

let sut: TestSystem;
beforeAll(async () => {
  sut = await startTestSystem('recent-changes');
}, 60_000);
afterAll(async () => sut.close());

const wall = async (): Promise<WallSnapshot> =>
  (await (
    await fetch(`${sut.system.apiUrl}/api/v1/wall`, { headers: { authorization: `Bearer ${sut.system.displayToken}` } })
  ).json()) as WallSnapshot;

describe('recent colour changes on the wall', () => {
  it('lists a province that turned red, newest first, with the reason recorded at the change', async () => {
    expect((await wall()).recent_changes).toEqual([]);
    const status = await postAsVendor(sut.system, '/v1/health-samples', 'VNPT', {
      vendor: 'VNPT',
      system_id: system.id,
      unit_code: system.unitCode,
      observed_at: new Date(Date.now() - 5_000).toISOString(),
      uptime_pct: 99.9,
      cpu_pct: 99,
      ram_pct: 50,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
    });
    expect(status).toBe(202);
    const change = await eventually(async () => (await wall()).recent_changes.find((c) => c.code === system.unitCode));
    expect(change).toMatchObject({ from: 'noreport', to: 'red' });
    expect(change.reasons.some((r) => r.indicator === 'system_status' && r.source_indicator === 'cpu')).toBe(true);
    // Only provinces and agencies: the system's own change is not on the wall's list.
    expect((await wall()).recent_changes.every((c) => registry.kindOf(c.code) !== undefined)).toBe(true);
    expect((await wall()).recent_changes.some((c) => c.code === system.id)).toBe(false);
  });

  it('still lists it after a restart, from the stored history, even behind many system changes', async () => {
    // Forty systems of eight other provinces start reporting (systems are watched 24/7, so this holds at any hour):
    // forty newer changes of systems, which are not on the wall's list, and at most eight of provinces.
    const others = registry.provinces
      .map((p) => p.code)
      .filter((c) => c !== system.unitCode)
      .slice(0, 8);
    const systems = others
      .flatMap((c) => registry.systemsOf(c))
      .filter((s) => sut.system.tokens[`vendor-${s.vendorCode.toLowerCase()}`]);
    expect(systems.length).toBeGreaterThanOrEqual(30);
    for (const s of systems) {
      const status = await postAsVendor(sut.system, '/v1/health-samples', s.vendorCode, {
        vendor: s.vendorCode,
        system_id: s.id,
        unit_code: s.unitCode,
        observed_at: new Date(Date.now() - 5_000).toISOString(),
        uptime_pct: 99.9,
        cpu_pct: 20,
        ram_pct: 30,
        net_in_bps: 1e6,
        net_out_bps: 1e6,
      });
      expect(status).toBe(202);
    }
    await eventually(async () => {
      const r = await fetch(`${sut.system.apiUrl}/api/v1/units/${others[0]}`, {
        headers: { authorization: `Bearer ${sut.system.displayToken}` },
      });
      const detail = (await r.json()) as { systems: { code: string; status: string }[] };
      return detail.systems.every((x) => x.status !== 'noreport');
    });
    await sut.restart();
    const after = await wall();
    expect(after.recent_changes.find((c) => c.code === system.unitCode)).toMatchObject({ to: 'red' });
  });
});
