import type { WallSnapshot } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { randomUUID } from 'node:crypto';
import { counter, eventually, postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';
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

  it('still lists it after a restart, from the stored history, even behind many commune changes', async () => {
    // Forty communes of another province start reporting: forty newer changes that are not on the wall's list.
    const communes = registry.communesOf('79').slice(0, 40);
    const interval = new Date(Math.floor(Date.now() / 300_000) * 300_000).toISOString();
    const res = await fetch(`${sut.system.ingestUrl}/v1/counter-reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sut.system.tokens['counter-p79']}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        events: communes.map((c) => counter({ unit_code: c.code, interval_end: interval })),
      }),
    });
    expect(res.status).toBe(202);
    await eventually(async () => {
      const r = await fetch(`${sut.system.apiUrl}/api/v1/units/79`, {
        headers: { authorization: `Bearer ${sut.system.displayToken}` },
      });
      const detail = (await r.json()) as { communes: { code: string; status: string }[] };
      return communes.every((c) => detail.communes.find((x) => x.code === c.code)?.status !== 'noreport');
    });
    await sut.restart();
    const after = await wall();
    expect(after.recent_changes.find((c) => c.code === system.unitCode)).toMatchObject({ to: 'red' });
  });
});
