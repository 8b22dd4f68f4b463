import { describe, expect, it } from 'vitest';
import {
  counterMsg,
  healthyProvinceCounters,
  healthyUnitSamples,
  makeEngine,
  MONDAY_15H,
  provinceSystem,
  registry,
  sampleMsg,
} from '@kh02/testkit';

const MIN = 60_000;

/** An engine where province 01 and agency BCA look healthy at `now`. */
function healthyWorld(now: { value: number }) {
  const engine = makeEngine(now);
  engine.apply(healthyProvinceCounters('01', now.value - 10 * MIN));
  // Outside the 5-minute load window, inside the 10-minute silence limit.
  engine.apply(healthyUnitSamples('01', now.value - 6 * MIN));
  engine.apply(healthyUnitSamples('BCA', now.value - 6 * MIN));
  return engine;
}

describe('status engine', () => {
  it('turns a system and its province red with the reason, and green again after recovery', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    // Daily reports would otherwise make every system yellow after 08:00; this test is about live load.
    for (const s of registry.systemsOf('01'))
      engine.state.systems
        .get(s.id)
        ?.addReport('2026-11-22', { uptime: 99.99, peakCpu: 50, peakRam: 50, receivedAtMs: now.value, alerts: [] });
    engine.evaluateAll();
    expect(engine.tile('01')?.status).toBe('green');

    const tthc = provinceSystem('01');
    engine.apply(
      sampleMsg(
        [{ system_id: tthc.id, cpu_pct: 99, observed_at: new Date(now.value - 30_000).toISOString() }],
        now.value,
      ),
    );
    engine.apply(
      sampleMsg(
        [{ system_id: tthc.id, cpu_pct: 99, observed_at: new Date(now.value - 10_000).toISOString() }],
        now.value,
      ),
    );
    const changes = engine.evaluateDirty();
    expect(changes.urgent).toBe(true);
    const tile = engine.tile('01');
    expect(tile?.status).toBe('red');
    const reason = tile?.reasons.find((r) => r.indicator === 'system_status');
    expect(reason).toMatchObject({
      status: 'red',
      source: { code: tthc.id },
      value: 99,
      threshold: 95,
      comparator: '>=',
    });
    expect(reason?.message.vi).toContain('CPU');
    const child = engine.child(tthc.id);
    expect(child?.reasons[0]).toMatchObject({ indicator: 'cpu', status: 'red', threshold: 95, comparator: '>=' });
    expect(child?.reasons[0]?.since).toBe(new Date(now.value - 30_000).toISOString());
    expect(changes.statusChanges.map((c) => [c.code, c.from, c.to])).toContainEqual(['01', 'green', 'red']);

    // Six minutes of normal load push the spike out of the 5-minute window.
    now.value += 6 * MIN;
    engine.apply(
      sampleMsg(
        registry.systemsOf('01').map((s) => ({ system_id: s.id })),
        now.value - 30_000,
      ),
    );
    engine.apply(healthyProvinceCounters('01', now.value - MIN));
    engine.evaluateAll();
    expect(engine.tile('01')?.status).toBe('green');
  });

  it('marks silent units noreport, never green, and rolls a mostly silent province up to noreport', () => {
    const now = { value: MONDAY_15H };
    const engine = makeEngine(now);
    engine.evaluateAll();
    const commune = registry.communesOf('01')[0]!;
    expect(engine.child(commune.code)).toMatchObject({ status: 'noreport' });
    expect(engine.child(commune.code)?.reasons[0]?.indicator).toBe('no_data');
    const system = provinceSystem('01');
    expect(engine.child(system.id)?.status).toBe('noreport');
    const province = engine.tile('01');
    expect(province?.status).not.toBe('green');
    expect(province?.reasons.map((r) => r.indicator)).toContain('communes_noreport');
    expect(engine.tile('BCA')?.status).toBe('noreport');
  });

  it("does not expect today's counts before 09:00 or at the weekend, but the last working day's end-of-day report", () => {
    const fridayClose = Date.parse('2026-11-20T10:10:00Z'); // Friday 17:10 local: the end-of-day report
    const commune = registry.communesOf('01')[0]!.code;
    for (const at of [Date.parse('2026-11-23T01:30:00Z'), Date.parse('2026-11-22T05:00:00Z')]) {
      // Monday 08:30 and Sunday 12:00 local.
      const closed = makeEngine({ value: at });
      closed.apply(healthyProvinceCounters('01', fridayClose));
      closed.evaluateAll();
      expect(closed.child(commune)?.status).toBe('green');
      const silent = makeEngine({ value: at });
      silent.evaluateAll();
      expect(silent.child(commune)?.status).toBe('noreport');
      expect(silent.child(commune)?.reasons[0]?.message.vi).toBe('Không nhận dữ liệu ngày 20/11.');
    }
  });

  it('is noreport after 17:30 without the end-of-day report, naming the newest counts', () => {
    const commune = registry.communesOf('01')[0]!.code;
    const engine = makeEngine({ value: Date.parse('2026-11-23T11:00:00Z') }); // Monday 18:00 local
    engine.apply(healthyProvinceCounters('01', Date.parse('2026-11-23T08:30:00Z'))); // counts up to 15:30
    engine.evaluateAll();
    expect(engine.child(commune)?.status).toBe('noreport');
    expect(engine.child(commune)?.reasons[0]?.message.vi).toBe(
      'Chưa có báo cáo cuối ngày 23/11 (số liệu mới nhất lúc 15:30).',
    );
  });

  it('colours a province by its online and on-time rates against the targets', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    engine.apply(
      healthyProvinceCounters('01', now.value - 5 * MIN, {
        received: 100,
        received_online: 75,
        processed: 100,
        on_time: 100,
        late: 0,
      }),
    );
    engine.evaluateAll();
    const online = engine.tile('01')?.reasons.find((r) => r.indicator === 'online_rate');
    expect(online).toMatchObject({ status: 'yellow', value: 0.75, threshold: 0.8, comparator: '<=' });
    // The shared Vietnamese formatting (the wall's): decimal comma, whole numbers without ",0", a no-break space before %.
    expect(online?.message.vi).toContain('75\u00a0%');

    engine.apply(
      healthyProvinceCounters('01', now.value - 2 * MIN, {
        received: 100,
        received_online: 90,
        processed: 100,
        on_time: 90,
        late: 10,
      }),
    );
    engine.evaluateAll();
    const onTime = engine.tile('01')?.reasons.find((r) => r.indicator === 'on_time_rate');
    expect(onTime).toMatchObject({ status: 'red', value: 0.9, threshold: 0.95 });
    expect(engine.tile('01')?.status).toBe('red');
    expect(engine.tile('01')?.headline.on_time_rate).toBeCloseTo(0.9);
  });

  it('flags an abnormal drop in dossiers against the same time yesterday', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    const yesterday = now.value - 24 * 3_600_000;
    engine.apply(
      healthyProvinceCounters('01', yesterday - 10 * MIN, {
        received: 100,
        received_online: 90,
        processed: 100,
        on_time: 100,
        late: 0,
      }),
    );
    engine.apply(
      healthyProvinceCounters('01', now.value - 5 * MIN, {
        received: 15,
        received_online: 14,
        processed: 15,
        on_time: 15,
        late: 0,
      }),
    );
    engine.evaluateAll();
    const drop = engine.tile('01')?.reasons.find((r) => r.indicator === 'volume_vs_yesterday');
    expect(drop).toMatchObject({ status: 'red' });
    expect(drop?.value).toBeCloseTo(-85);
  });

  it('makes a critical alert red and names the source', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    const agencySystem = registry.systemsOf('BCA')[0]!;
    engine.apply(
      sampleMsg(
        [
          {
            system_id: agencySystem.id,
            alerts: [{ kind: 'security', severity: 'critical', message: 'Phát hiện truy cập trái phép' }],
          },
        ],
        now.value,
      ),
    );
    engine.evaluateDirty();
    const tile = engine.tile('BCA');
    expect(tile?.status).toBe(agencySystem.critical ? 'red' : 'yellow');
    expect(engine.child(agencySystem.id)?.reasons.find((r) => r.indicator === 'security_alert')?.message.vi).toContain(
      'truy cập trái phép',
    );
  });

  it('gives an alert repeated on every sample one reason, counted, since its first report', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    const system = registry.systemsOf('BCA')[0]!;
    const first = now.value;
    for (let i = 0; i < 5; i++) {
      now.value = first + i * 60_000;
      engine.apply(
        sampleMsg(
          [{ system_id: system.id, alerts: [{ kind: 'security', severity: 'critical', message: 'Dò quét cổng' }] }],
          now.value,
        ),
      );
    }
    engine.evaluateDirty();
    const reasons = engine.child(system.id)?.reasons.filter((r) => r.indicator === 'security_alert') ?? [];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]?.since).toBe(new Date(first).toISOString());
    expect(reasons[0]?.message.vi).toContain('5 lần');
  });

  it('reports counter changes only for the commune and its province', () => {
    const now = { value: MONDAY_15H };
    const engine = healthyWorld(now);
    engine.evaluateAll();
    const commune = registry.communesOf('01')[3]!;
    engine.apply(counterMsg([{ unit_code: commune.code, received: 200, received_online: 10 }], now.value));
    const changes = engine.evaluateDirty();
    expect(changes.tiles.map((t) => t.code)).toEqual(['01']);
    expect(changes.children.get('01')?.map((c) => c.code)).toEqual([commune.code]);
    expect(engine.child(commune.code)?.status).toBe('red');
  });
});
