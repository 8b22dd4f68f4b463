/*
 * Pure option builders for the wall's charts (no DOM, testable). Axis and
 * tooltip text goes through the same Vietnamese formatters as the tiles.
 */
import type { Ranking, Timeseries } from '@kh02/schemas';
import { DAY_MS } from '@kh02/schemas';
import { formatDate, formatHm, formatNumber, formatPct, formatRatio, formatSignedPct, type Lang } from '@kh02/schemas';
import type { ChartOption } from './echarts-setup';
import { barLook, NEUTRAL_BAR, rankingDomain } from './ranking-scale';

export type ValueKind = 'ratio' | 'pct' | 'signed-pct' | 'count';

export function formatKind(v: number | null, kind: ValueKind, lang: Lang, digits = 1): string {
  switch (kind) {
    case 'ratio':
      return formatRatio(v, lang, digits);
    case 'pct':
      return formatPct(v, lang, digits);
    case 'signed-pct':
      return formatSignedPct(v, lang);
    case 'count':
      return formatNumber(v, lang);
  }
}

const INK = '#dbe4ef';
const MUTED = '#8fa1b8';
const GRID = 'rgba(157,178,201,0.18)';

const baseText = (fontPx: number) => ({
  color: INK,
  fontFamily: 'Be Vietnam Pro, sans-serif',
  fontSize: Math.round(fontPx * 0.8),
});

/**
 * Yesterday's buckets on today's time axis, so the two lines compare hour by
 * hour. The server may send them with yesterday's timestamps (then they are
 * moved forward a day) or already aligned to today's (then they are kept).
 */
export function alignPrevious(ts: Timeseries): [number, number | null][] {
  const prev = ts.previous ?? [];
  const lastPrev = Date.parse(prev.at(-1)?.t ?? '');
  const lastNow = Date.parse(ts.points.at(-1)?.t ?? '');
  const shift = Number.isFinite(lastPrev) && Number.isFinite(lastNow) && lastNow - lastPrev > DAY_MS / 2 ? DAY_MS : 0;
  return prev.map((p) => [Date.parse(p.t) + shift, p.value]);
}

export interface SeriesChartOptions {
  lang: Lang;
  kind: ValueKind;
  seriesLabel: string;
  /** Label of the "same time yesterday" series, when the data has it. */
  previousLabel?: string;
  /** Target line label, e.g. "Mục tiêu 80 %". */
  targetLabel?: (formatted: string) => string;
  /** Overrides the server's target (e.g. 99 % on-time). */
  target?: number | null;
  color?: string;
}

export function seriesOption(ts: Timeseries, o: SeriesChartOptions, fontPx: number): ChartOption {
  const dayRange = ts.range === '24h';
  const xFormat = (v: number) => (dayRange ? formatHm(v) : formatDate(v).slice(0, 5));
  const target = o.target !== undefined ? o.target : ts.target;
  const points = ts.points.map((p) => [Date.parse(p.t), p.value]);
  const previous = ts.previous ? alignPrevious(ts) : null;
  // A line needs two neighbouring values; sparse series (a fresh start, gaps) would otherwise draw nothing.
  const sparse = ts.points.filter((p) => p.value !== null).length < 48;
  const fmt = (v: number | null) => formatKind(v, o.kind, o.lang);
  const text = baseText(fontPx);

  const series: object[] = [
    {
      type: 'line',
      name: o.seriesLabel,
      data: points,
      showSymbol: sparse,
      symbolSize: Math.max(4, fontPx * 0.35),
      connectNulls: false,
      lineStyle: { width: Math.max(2, fontPx * 0.15), color: o.color ?? '#56B4E9' },
      itemStyle: { color: o.color ?? '#56B4E9' },
      markLine:
        target === null || target === undefined
          ? undefined
          : {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#F0E442', type: 'dashed', width: Math.max(1.5, fontPx * 0.1) },
              label: {
                ...text,
                color: '#F0E442',
                position: 'insideEndTop',
                formatter: o.targetLabel ? o.targetLabel(fmt(target)) : fmt(target),
              },
              data: [{ yAxis: target }],
            },
    },
  ];
  if (previous && o.previousLabel) {
    series.push({
      type: 'line',
      name: o.previousLabel,
      data: previous,
      showSymbol: sparse,
      symbolSize: Math.max(3, fontPx * 0.28),
      lineStyle: { width: Math.max(1.5, fontPx * 0.1), type: 'dashed', color: MUTED },
      itemStyle: { color: MUTED },
    });
  }

  return {
    animation: false,
    textStyle: text,
    grid: { left: fontPx * 4, right: fontPx * 1.5, top: fontPx * 2.2, bottom: fontPx * 2 },
    legend: { show: series.length > 1, top: 0, textStyle: text },
    tooltip: {
      trigger: 'axis',
      textStyle: { ...text, color: '#111' },
      valueFormatter: (v: unknown) => fmt(typeof v === 'number' ? v : null),
    },
    xAxis: {
      type: 'time',
      axisLabel: { ...text, color: MUTED, formatter: (v: number) => xFormat(v), hideOverlap: true },
      axisLine: { lineStyle: { color: GRID } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: o.kind === 'ratio' ? 0 : undefined,
      max: o.kind === 'ratio' ? 1 : o.kind === 'pct' ? 100 : undefined,
      axisLabel: { ...text, color: MUTED, formatter: (v: number) => formatKind(v, o.kind, o.lang, 0) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series,
  };
}

export interface RankingChartOptions {
  lang: Lang;
  kind: ValueKind;
  /** Names by code in the current language (rankings carry only the Vietnamese name). */
  names: ReadonlyMap<string, string>;
  highlight?: string;
  /** The target line's label, e.g. "Mục tiêu > 80,0 %". */
  targetLabel?: (formatted: string) => string;
}

/**
 * Provinces as horizontal bars, best first. Each bar is coloured by its own
 * value against the indicator's target (with an icon in its label), the value
 * axis is fitted around the data and the target so 84 % and 86 % differ, and
 * the target is a dashed line across every bar.
 */
export function rankingOption(r: Ranking, o: RankingChartOptions, fontPx: number): ChartOption {
  const text = baseText(fontPx);
  const rows = r.rows;
  const small = Math.round(fontPx * (rows.length > 20 ? 0.68 : 0.8));
  const target = r.target?.value ?? null;
  const domain = rankingDomain(
    rows.map((row) => row.value),
    target,
    o.kind,
  );
  // Enough decimals that neighbouring ticks read differently (0,5 % steps need one).
  const tickDigits = domain && o.kind === 'ratio' && domain.interval < 0.01 ? 1 : 0;
  const looks = rows.map((row) => barLook(row.band, r.target !== null, row.value));
  const comparator = r.target?.comparator === '>=' ? '≥' : '>';
  return {
    animation: false,
    textStyle: text,
    grid: { left: fontPx * 0.5, right: fontPx * 4.2, top: fontPx * 0.5, bottom: fontPx * 0.5, containLabel: true },
    tooltip: {
      trigger: 'item',
      textStyle: { ...text, color: '#111' },
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        const row = rows[i];
        return row ? `${row.rank}. ${o.names.get(row.code) ?? row.name}: ${formatKind(row.value, o.kind, o.lang)}` : '';
      },
    },
    xAxis: {
      type: 'value',
      ...(domain ? { min: domain.min, max: domain.max, interval: domain.interval } : { min: 0 }),
      position: 'bottom',
      axisLabel: {
        ...text,
        fontSize: small,
        color: MUTED,
        formatter: (v: number) => formatKind(v, o.kind, o.lang, tickDigits),
        hideOverlap: true,
      },
      axisLine: { show: true, lineStyle: { color: GRID } },
      splitLine: { show: true, lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => `${row.rank}. ${o.names.get(row.code) ?? row.name}`),
      axisLabel: {
        ...text,
        fontSize: small,
        color: INK,
        formatter: (v: string, i: number) => (rows[i]?.code === o.highlight ? `{hl|${v}}` : v),
        rich: {
          hl: { color: '#fff', fontWeight: 'bold', fontSize: small, backgroundColor: '#2b4a75', padding: [1, 4] },
        },
      },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '22%',
        // Bars start at the fitted axis minimum, not at zero off the left edge.
        clip: true,
        data: rows.map((row, i) => ({
          value: row.value ?? domain?.min ?? 0,
          itemStyle: {
            color: looks[i]?.color ?? NEUTRAL_BAR,
            borderColor: row.code === o.highlight ? '#ffffff' : undefined,
            borderWidth: row.code === o.highlight ? 2 : 0,
          },
        })),
        label: {
          show: true,
          position: 'right',
          ...text,
          fontSize: small,
          formatter: (p: { dataIndex: number }) => {
            const icon = looks[p.dataIndex]?.icon;
            const value = formatKind(rows[p.dataIndex]?.value ?? null, o.kind, o.lang);
            return icon ? `${icon} ${value}` : value;
          },
        },
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#F0E442', type: 'dashed', width: Math.max(1.5, fontPx * 0.12) },
                label: {
                  ...text,
                  fontSize: small,
                  color: '#F0E442',
                  position: 'insideEndTop',
                  formatter: () => {
                    const v = `${comparator} ${formatKind(target, o.kind, o.lang)}`;
                    return o.targetLabel ? o.targetLabel(v) : v;
                  },
                },
                data: [{ xAxis: target }],
              },
      },
    ],
  };
}
