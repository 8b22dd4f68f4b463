import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { eventually } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localJournaledBus, natsBus, type BusKind } from '@kh02/testkit';
import { startIngestHarness } from '@kh02/testkit';
import { openTestStore } from '@kh02/testkit';
import { startWriter } from '@kh02/testkit';
import { MONDAY_15H, provinceSystem, registry } from '@kh02/testkit';
import { makeStatusService } from '@kh02/testkit';

let store: { client: ClickHouseClient; close: () => Promise<void> };
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store.close());

const now = () => MONDAY_15H;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A small but varied day: counts for two provinces, samples for their systems, one failing system, one daily report. */
function workload() {
  const tthc79 = provinceSystem('79');
  const communes = (p: string) => registry.communesOf(p, { includeCentre: true });
  const counters = (p: string, onlineShare: number) =>
    communes(p).map((c, i) => ({
      event_id: randomUUID(),
      unit_code: c.code,
      interval_end: iso(MONDAY_15H - (20 + (i % 5)) * MIN),
      received: 40,
      received_online: Math.round(40 * onlineShare),
      processed: 30,
      on_time: 30,
      late: 0,
    }));
  const samples = (unit: string) =>
    registry.systemsOf(unit).map((s) => ({
      event_id: randomUUID(),
      vendor: s.vendorCode,
      system_id: s.id,
      unit_code: s.unitCode,
      observed_at: iso(MONDAY_15H - 2 * MIN),
      uptime_pct: s.id === tthc79.id ? 40 : 99.99,
      cpu_pct: s.id === tthc79.id ? 99 : 35,
      ram_pct: 50,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
      ...(s.id === tthc79.id
        ? {
            alerts: [
              { kind: 'security' as const, severity: 'critical' as const, message: 'Phát hiện truy cập trái phép' },
            ],
          }
        : {}),
    }));
  return {
    tthc79,
    counters01: counters('01', 0.9),
    counters79: counters('79', 0.7),
    samples01: samples('01'),
    samples79: samples('79'),
  };
}

describe.each([localJournaledBus(), natsBus()])('status engine on the live $label', (kind: BusKind) => {
  beforeAll(async () => kind.setup());
  afterAll(async () => kind.teardown());

  it('turns a unit and its province red from a red report, and a restart rebuilds the identical wall', async () => {
    await store.client.command({ query: 'TRUNCATE TABLE kh02.health_samples' });
    await store.client.command({ query: 'TRUNCATE TABLE kh02.counter_reports' });
    const h = await startIngestHarness({ bus: kind.create(), now });
    const writer = startWriter(h.bus, store.client);
    await writer.start();
    const first = makeStatusService(h.bus, store.client, now);
    await first.start();
    const w = workload();
    const vendorToken = (vendor: string) => h.tokens[`vendor-${vendor.toLowerCase()}`];
    for (const s of [...w.samples01, ...w.samples79])
      expect((await h.post('/v1/health-samples', s, { token: vendorToken(s.vendor) })).statusCode).toBe(202);
    expect(
      (await h.post('/v1/counter-reports', { events: w.counters01 }, { token: h.tokens['counter-p01'] })).statusCode,
    ).toBe(202);
    expect(
      (await h.post('/v1/counter-reports', { events: w.counters79 }, { token: h.tokens['counter-p79'] })).statusCode,
    ).toBe(202);

    await eventually(() => {
      first.engine.evaluateDirty();
      const t79 = first.engine.tile('79');
      return (
        first.engine.child(w.tthc79.id)?.status === 'red' &&
        t79?.status === 'red' &&
        (t79.headline.received_today ?? 0) > 0
      );
    });
    const tile79 = first.engine.tile('79')!;
    const systemReason = tile79.reasons.find((r) => r.indicator === 'system_status' && r.source?.code === w.tthc79.id);
    expect(systemReason?.status).toBe('red');
    expect(first.engine.child(w.tthc79.id)?.reasons.map((r) => r.indicator)).toEqual(
      expect.arrayContaining(['security_alert', 'cpu', 'uptime']),
    );
    const online79 = tile79.reasons.find((r) => r.indicator === 'online_rate');
    expect(online79?.status).toBe('yellow');
    expect(online79?.value).toBeCloseTo(0.7, 2);

    // Everything durable, then a fresh engine built only from ClickHouse.
    await eventually(
      () =>
        writer.stats.bufferedRows === 0 && writer.stats.messagesAcked >= w.samples01.length + w.samples79.length + 2,
    );
    first.engine.evaluateAll();
    const before = JSON.stringify(first.engine.allTiles());
    const beforeChildren = JSON.stringify(
      [...registry.communesOf('79'), ...registry.systemsOf('79')].map((u) =>
        first.engine.child('code' in u ? u.code : u.id),
      ),
    );
    await first.stop();
    const second = makeStatusService(h.bus, store.client, now);
    await second.start();
    expect(JSON.stringify(second.engine.allTiles())).toBe(before);
    expect(
      JSON.stringify(
        [...registry.communesOf('79'), ...registry.systemsOf('79')].map((u) =>
          second.engine.child('code' in u ? u.code : u.id),
        ),
      ),
    ).toBe(beforeChildren);
    await second.stop();
    await writer.stop();
    await h.close();
  });
});
