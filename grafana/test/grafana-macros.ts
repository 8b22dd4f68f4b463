/*
 * The grafana-clickhouse-datasource (v4) macros, expanded the way the plugin
 * does before it sends a query (see its README's macro table), so a panel's
 * SQL can run against the real engine in tests. Any macro left over fails.
 */

export interface PanelRange {
  fromMs: number;
  toMs: number;
  intervalS: number;
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function expandMacros(sql: string, r: PanelRange): string {
  const fromS = Math.floor(r.fromMs / 1000);
  const toS = Math.floor(r.toMs / 1000);
  const out = sql
    .replace(
      /\$__timeFilter_ms\(([^()]+)\)/g,
      (_m, c: string) =>
        `${c} >= fromUnixTimestamp64Milli(${r.fromMs}) AND ${c} <= fromUnixTimestamp64Milli(${r.toMs})`,
    )
    .replace(
      /\$__timeFilter\(([^()]+)\)/g,
      (_m, c: string) => `${c} >= toDateTime(${fromS}) AND ${c} <= toDateTime(${toS})`,
    )
    .replace(
      /\$__dateFilter\(([^()]+)\)/g,
      (_m, c: string) => `${c} >= toDate('${utcDate(r.fromMs)}') AND ${c} <= toDate('${utcDate(r.toMs)}')`,
    )
    .replace(
      /\$__timeInterval\(([^()]+)\)/g,
      (_m, c: string) => `toStartOfInterval(toDateTime(${c}), INTERVAL ${r.intervalS} second)`,
    )
    .replaceAll('$__fromTime_ms', `fromUnixTimestamp64Milli(${r.fromMs})`)
    .replaceAll('$__toTime_ms', `fromUnixTimestamp64Milli(${r.toMs})`)
    .replaceAll('$__fromTime', `toDateTime(${fromS})`)
    .replaceAll('$__toTime', `toDateTime(${toS})`)
    .replaceAll('$__interval_s', String(r.intervalS));
  const left = /\$__\w+|\$\{\w+\}|\[\[\w+\]\]/.exec(out);
  if (left) throw new Error(`macro or variable this test cannot expand: ${left[0]}`);
  return out;
}
