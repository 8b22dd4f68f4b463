import type { Replay, Tile, UnitDetail } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { eventually, postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** History across a restart: seeded from ClickHouse, no false change, "since when" kept, replay from the store. */
const registry = defaultRegistry();
const system = registry.systemsOfVendor('VNPT').find((s) => /^\d{2}$/.test(s.unitCode) && s.critical);
if (!system) throw new Error('no critical VNPT system owned by a province');
const unit = system.unitCode;

let sut: TestSystem;
beforeAll(async () => {
  sut = await startTestSystem('history-restart');
}, 60_000);
afterAll(async () => sut.close());

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${sut.system.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${sut.system.displayToken}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};
const tile = async (): Promise<Tile> => (await get<UnitDetail>(`/api/v1/units/${unit}`)).tile;

const replay = (fromMs: number, toMs = Date.now() + 1_000) =>
  get<Replay>(
    `/api/v1/replay?from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`,
  );

describe('status history across a restart', () => {
  let redSince = '';
  let redAtMs = 0;
  const observedAt = new Date(Date.now() - 60_000).toISOString();
  // An agency nobody reports for: its colour and "since" come only from the stored first sighting.
  const quiet = registry.agencies[0]?.code ?? '';
  let quietSince: string | null = null;
  let firstSeenMs = 0;

  it('stores a first sighting per unit: replay knows its colour, the drill-down lists no change', async () => {
    const t = await tile();
    expect(t.status).toBe('noreport');
    expect(t.status_since).not.toBeNull();
    firstSeenMs = Date.parse(t.status_since ?? '');
    quietSince = (await get<UnitDetail>(`/api/v1/units/${quiet}`)).tile.status_since;
    expect(quietSince).not.toBeNull();
    const r = await replay(Date.now());
    expect(r.units.find((u) => u.code === unit)).toMatchObject({ status: 'noreport', since: t.status_since });
    expect(r.units.length).toBe(registry.provinces.length + registry.agencies.length);
    expect((await get<UnitDetail>(`/api/v1/units/${unit}`)).history).toEqual([]);
  });

  it('gives a tile that turns red the onset of its reason as status_since (earlier than the change)', async () => {
    const status = await postAsVendor(sut.system, '/v1/health-samples', 'VNPT', {
      vendor: 'VNPT',
      system_id: system.id,
      unit_code: unit,
      observed_at: observedAt,
      uptime_pct: 99.9,
      cpu_pct: 99,
      ram_pct: 50,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
    });
    expect(status).toBe(202);
    const red = await eventually(async () => {
      const t = await tile();
      return t.status === 'red' ? t : undefined;
    });
    const history = (await get<UnitDetail>(`/api/v1/units/${unit}`)).history;
    expect(history.map((h) => [h.from, h.to])).toEqual([['noreport', 'red']]);
    expect(red.status_since).toBe(observedAt);
    redSince = red.status_since ?? '';
    redAtMs = Date.parse(history[0]?.at ?? '');
  });

  it('after a restart: same colour, same status_since, no new change stored or listed', async () => {
    const restartedAt = Date.now();
    await sut.restart();
    const after = await tile();
    expect(after.status).toBe('red');
    expect(after.status_since).toBe(redSince);
    const detail = await get<UnitDetail>(`/api/v1/units/${unit}`);
    expect(detail.history.map((h) => [h.from, h.to, h.at])).toEqual([
      ['noreport', 'red', new Date(redAtMs).toISOString()],
    ]);
    expect((await get<UnitDetail>(`/api/v1/units/${quiet}`)).tile).toMatchObject({
      status: 'noreport',
      status_since: quietSince,
    });
    // Let the restarted engine run a few evaluations, then look for any change it stored since.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await replay(restartedAt)).changes).toEqual([]);
  });

  it('replays the unit from the store: not yet red before the change, red after it', async () => {
    const r = await replay((firstSeenMs + redAtMs) / 2);
    expect(r.units.find((u) => u.code === unit)?.status).toBe('noreport');
    expect(r.changes.filter((c) => c.code === unit).map((c) => [c.from, c.to, c.at])).toEqual([
      ['noreport', 'red', new Date(redAtMs).toISOString()],
    ]);
    // Only the wall's units: the system's own change is not part of the replay.
    expect(r.changes.some((c) => c.code === system.id)).toBe(false);
  });

  it('refuses a replay window that ends before it starts, with the field and a bilingual reason', async () => {
    const res = await fetch(
      `${sut.system.apiUrl}/api/v1/replay?from=2026-12-03T17:30:00%2B07:00&to=2026-12-03T16:45:00%2B07:00`,
      { headers: { authorization: `Bearer ${sut.system.displayToken}` } },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string; message: { vi: string; en: string } }[] } };
    expect(body.error.details[0]).toMatchObject({ path: 'to', message: { vi: '`to` phải sau `from`.' } });
  });
});
