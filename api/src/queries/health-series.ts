import type { ClickHouseClient } from '@clickhouse/client';
import type { Timeseries, TimeseriesMetric } from '@kh02/schemas';

const RANGES = {
  '24h': { table: 'health_minute', stepS: 300, spanMs: 86_400_000 },
  '7d': { table: 'health_hourly', stepS: 3_600, spanMs: 7 * 86_400_000 },
  '30d': { table: 'health_hourly', stepS: 6 * 3_600, spanMs: 30 * 86_400_000 },
} as const;

/**
 * Load and availability over time for systems: peaks (max CPU/RAM) and the
 * floor (min uptime) per bucket, across the selected systems, because a
 * command center cares about the worst moment, not a smoothed average.
 */
export async function healthSeries(
  client: ClickHouseClient,
  db: string,
  systemIds: string[],
  metric: TimeseriesMetric,
  range: keyof typeof RANGES,
  now: number,
): Promise<Omit<Timeseries, 'code' | 'target'>> {
  const r = RANGES[range];
  const column = metric === 'cpu' ? 'max(max_cpu_pct)' : metric === 'ram' ? 'max(max_ram_pct)' : 'min(min_uptime_pct)';
  const from = Math.floor((now - r.spanMs) / (r.stepS * 1000)) * r.stepS * 1000;
  const rs = await client.query({
    query: `SELECT toStartOfInterval(bucket, INTERVAL {step:UInt32} SECOND) AS t, ${column} AS v
            FROM ${db}.${r.table}
            WHERE system_id IN {ids:Array(String)} AND bucket >= {from:DateTime('UTC')}
            GROUP BY t ORDER BY t`,
    query_params: { step: r.stepS, ids: systemIds, from: new Date(from).toISOString().slice(0, 19).replace('T', ' ') },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<{ t: string; v: number | null }>();
  const byT = new Map(rows.map((x) => [Date.parse(x.t.endsWith('Z') ? x.t : `${x.t.replace(' ', 'T')}Z`), x.v]));
  const count = Math.floor((now - from) / (r.stepS * 1000)) + 1;
  return {
    metric,
    range,
    step_s: r.stepS,
    points: Array.from({ length: count }, (_, i) => {
      const t = from + i * r.stepS * 1000;
      return { t: new Date(t).toISOString(), value: byT.get(t) ?? null };
    }),
    previous: null,
  };
}
