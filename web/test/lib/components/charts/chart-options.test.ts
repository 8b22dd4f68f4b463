import type { Timeseries } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../../../src/lib/status/palette';
import { NBSP } from '@kh02/schemas';
import { rankingFixture } from '../../../support/fixtures';
import {
  alignPrevious,
  formatKind,
  rankingOption,
  seriesOption,
} from '../../../../src/lib/components/charts/chart-options';

const series = (previousDay: 0 | 1): Timeseries => ({
  code: '04',
  metric: 'online_rate',
  range: '24h',
  step_s: 3600,
  points: [
    { t: '2026-11-23T09:00:00Z', value: 0.7 },
    { t: '2026-11-23T10:00:00Z', value: 0.75 },
  ],
  previous: [
    { t: `2026-11-${23 - previousDay}T09:00:00Z`, value: 0.8 },
    { t: `2026-11-${23 - previousDay}T10:00:00Z`, value: 0.82 },
  ],
  target: 0.8,
});

describe('chart options', () => {
  it("puts yesterday's buckets on today's axis whichever way the server stamps them", () => {
    const today = Date.parse('2026-11-23T10:00:00Z');
    expect(alignPrevious(series(1)).at(-1)).toEqual([today, 0.82]);
    expect(alignPrevious(series(0)).at(-1)).toEqual([today, 0.82]);
  });

  it('draws the target line with a Vietnamese label', () => {
    const opt = seriesOption(
      series(1),
      { lang: 'vi', kind: 'ratio', seriesLabel: 'Hôm nay', targetLabel: (v) => `Mục tiêu ${v}` },
      16,
    ) as {
      series: { markLine?: { data: { yAxis: number }[]; label: { formatter: string } } }[];
    };
    const mark = opt.series[0]?.markLine;
    expect(mark?.data[0]?.yAxis).toBe(0.8);
    expect(mark?.label.formatter).toBe(`Mục tiêu 80${NBSP}%`);
  });

  it("colours ranking bars by the ranked value's band, not the province's overall status", () => {
    const names = new Map([['14', 'Sơn La']]);
    const opt = rankingOption(rankingFixture(), { lang: 'vi', kind: 'ratio', names, highlight: '14' }, 16) as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string; borderWidth: number } }[] }[];
    };
    expect(opt.yAxis.data).toEqual(['1. Hà Nội', '2. TP. Hồ Chí Minh', '3. Sơn La']);
    const bars = opt.series[0]!.data;
    // Hà Nội is red overall but meets the online-rate target: its bar is green.
    expect(bars.map((b) => b.itemStyle.color)).toEqual([STATUS_COLORS.green, STATUS_COLORS.yellow, STATUS_COLORS.red]);
    expect(bars[2]).toMatchObject({ value: 0.59, itemStyle: { borderWidth: 2 } });
    expect(bars[0]?.itemStyle.borderWidth).toBe(0);
  });

  it('fits the value axis around the data and the target and draws the target line', () => {
    const fixture = rankingFixture();
    const opt = rankingOption(
      fixture,
      { lang: 'vi', kind: 'ratio', names: new Map(), targetLabel: (v) => `Mục tiêu ${v}` },
      16,
    ) as {
      xAxis: { min: number; max: number; interval: number };
      series: {
        markLine: { data: { xAxis: number }[]; label: { formatter: () => string } };
        label: { formatter: (p: { dataIndex: number }) => string };
      }[];
    };
    expect(opt.xAxis.min).toBeGreaterThan(0);
    expect(opt.xAxis.min).toBeLessThanOrEqual(0.59);
    expect(opt.xAxis.max).toBeGreaterThanOrEqual(0.93);
    expect(opt.series[0]!.markLine.data).toEqual([{ xAxis: 0.8 }]);
    expect(opt.series[0]!.markLine.label.formatter()).toBe(`Mục tiêu > 80${NBSP}%`);
    // The band is in the label too, so it does not rest on colour alone.
    expect(opt.series[0]!.label.formatter({ dataIndex: 2 })).toBe(`✕ 59${NBSP}%`);
  });

  it('formats values by kind', () => {
    expect(formatKind(0.795, 'ratio', 'vi')).toBe(`79,5${NBSP}%`);
    expect(formatKind(12.5, 'signed-pct', 'vi')).toBe(`+12,5${NBSP}%`);
    expect(formatKind(12345, 'count', 'vi')).toBe('12.345');
  });
});
