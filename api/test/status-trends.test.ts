import { describe, expect, it } from 'vitest';
import { healthyProvinceCounters, healthyUnitSamples, makeEngine, MONDAY_15H } from '@kh02/testkit';
import { DEFAULT_THRESHOLDS } from '../src/status/config.js';
import { makeContext } from '../src/status/evaluate/context.js';
import { rateTrendReasons } from '../src/status/evaluate/trends.js';

const MIN = 60_000;
const DAY = 24 * 3_600_000;
const weekdays = {
  isWorkingDay: (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  isWorkingInstant: () => true,
};
const values = (received: number, online: number, processed: number, onTime: number) => ({
  received,
  received_online: online,
  processed,
  on_time: onTime,
  late: processed - onTime,
});

/** Province 01 with yesterday's and today's counts per commune (same hour), and healthy systems. */
function province01(yesterday: ReturnType<typeof values>, today: ReturnType<typeof values>) {
  const now = { value: MONDAY_15H };
  const engine = makeEngine(now);
  engine.apply(healthyUnitSamples('01', now.value - 6 * MIN));
  engine.apply(healthyProvinceCounters('01', now.value - DAY - 10 * MIN, yesterday));
  engine.apply(healthyProvinceCounters('01', now.value - 10 * MIN, today));
  engine.evaluateAll();
  const reasons = engine.tile('01')?.reasons ?? [];
  return { reasons, trend: (i: string) => reasons.find((r) => r.indicator === i) };
}

describe('abnormal trends of the online and on-time rates', () => {
  it('flags an online rate that fell 13 points since the same time yesterday while still above its target', () => {
    const { trend, reasons } = province01(values(100, 98, 100, 100), values(100, 85, 100, 100));
    expect(reasons.find((r) => r.indicator === 'online_rate')).toBeUndefined();
    const r = trend('online_rate_trend');
    expect(r).toMatchObject({ status: 'yellow', comparator: '<=', unit: 'ratio' });
    expect(r?.value).toBeCloseTo(0.85);
    // Yesterday's 98 % less the 10-point allowance.
    expect(r?.threshold).toBeCloseTo(0.88);
    expect(r?.message.vi).toBe(
      'Tỷ lệ hồ sơ trực tuyến giảm 13 điểm phần trăm so với cùng giờ hôm qua (85\u00a0% so với 98\u00a0%).',
    );
    expect(r?.message.en).toContain('down 13 percentage points');
  });

  it('makes an on-time rate that fell 7 points red, and the province with it', () => {
    const { trend, reasons } = province01(values(100, 90, 100, 100), values(100, 90, 100, 93));
    expect(trend('on_time_rate_trend')).toMatchObject({ status: 'red' });
    expect(trend('on_time_rate_trend')?.threshold).toBeCloseTo(0.94);
    expect(reasons.some((r) => r.status === 'red')).toBe(true);
  });

  it('stays quiet when the rates hold or rise', () => {
    const { trend } = province01(values(100, 85, 100, 99.5), values(100, 90, 100, 100));
    expect(trend('online_rate_trend')).toBeUndefined();
    expect(trend('on_time_rate_trend')).toBeUndefined();
  });

  it('does not judge a day with too few dossiers, nor before 09:00', () => {
    const ctx = makeContext(MONDAY_15H, weekdays);
    const drop = [values(1_000, 980, 1_000, 1_000), values(1_000, 500, 1_000, 800)] as const;
    expect(rateTrendReasons(drop[1], drop[0], DEFAULT_THRESHOLDS, ctx).map((r) => r.indicator)).toEqual([
      'online_rate_trend',
      'on_time_rate_trend',
    ]);
    // 150 dossiers yesterday is under the province minimum of 200 received / 100 processed… for the online rate only.
    const thin = values(150, 147, 150, 150);
    expect(rateTrendReasons(drop[1], thin, DEFAULT_THRESHOLDS, ctx).map((r) => r.indicator)).toEqual([
      'on_time_rate_trend',
    ]);
    const early = makeContext(MONDAY_15H - 6.5 * 3_600_000, weekdays);
    expect(rateTrendReasons(drop[1], drop[0], DEFAULT_THRESHOLDS, early)).toEqual([]);
  });

  it('takes its drop allowances from the thresholds', () => {
    const ctx = makeContext(MONDAY_15H, weekdays);
    const strict = { ...DEFAULT_THRESHOLDS, rateTrend: { ...DEFAULT_THRESHOLDS.rateTrend, onlineYellowDropPts: 2 } };
    const reasons = rateTrendReasons(values(1_000, 950, 1_000, 1_000), values(1_000, 980, 1_000, 1_000), strict, ctx);
    expect(reasons).toEqual([expect.objectContaining({ indicator: 'online_rate_trend', status: 'yellow' })]);
  });
});
