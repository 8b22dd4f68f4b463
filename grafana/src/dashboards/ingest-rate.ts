import type { Registry } from '@kh02/schemas/registry';
import { dashboard, sql, type Dashboard } from '../grafana-model.js';
import { vendorsTable } from '../registry-values.js';

/** Arrival time bounds; observed_at is bounded too so ClickHouse can skip old monthly partitions. */
const RECEIVED = '$__timeFilter(received_at)';

export function ingestRateDashboard(registry: Registry): Dashboard {
  return dashboard({
    uid: 'kh02-ingest',
    title: 'KH02 — Tiếp nhận dữ liệu theo nhà cung cấp',
    description: 'Ingest rate per vendor and per kind of data, and each vendor’s reporting systems and feed lag.',
    from: 'now-6h',
    panels: [
      {
        type: 'timeseries',
        title: 'Mẫu giám sát nhận được mỗi phút, theo nhà cung cấp',
        description: 'Health samples accepted per minute (by arrival time), one line per vendor.',
        unit: 'short',
        gridPos: { x: 0, y: 0, w: 12, h: 9 },
        sql: sql`
          SELECT $__timeInterval(received_at) AS time, vendor, count() * 60 / $__interval_s AS per_minute
          FROM kh02.health_samples
          WHERE ${RECEIVED} AND observed_at >= $__fromTime - INTERVAL 3 DAY
          GROUP BY time, vendor
          ORDER BY time, vendor`,
      },
      {
        type: 'timeseries',
        title: 'Sự kiện nhận được mỗi phút, theo loại dữ liệu',
        description: 'Health samples, daily health reports and one-stop counter reports accepted per minute.',
        unit: 'short',
        gridPos: { x: 12, y: 0, w: 12, h: 9 },
        sql: sql`
          SELECT time, kind, sum(n) * 60 / $__interval_s AS per_minute
          FROM (
            SELECT $__timeInterval(received_at) AS time, 'Mẫu giám sát' AS kind, count() AS n
            FROM kh02.health_samples
            WHERE ${RECEIVED} AND observed_at >= $__fromTime - INTERVAL 3 DAY
            GROUP BY time
            UNION ALL
            SELECT $__timeInterval(received_at) AS time, 'Báo cáo trạng thái hằng ngày' AS kind, count() AS n
            FROM kh02.health_reports
            WHERE ${RECEIVED}
            GROUP BY time
            UNION ALL
            SELECT $__timeInterval(received_at) AS time, 'Số liệu một cửa' AS kind, count() AS n
            FROM kh02.counter_reports
            WHERE ${RECEIVED} AND report_date >= toDate($__fromTime) - 4
            GROUP BY time)
          GROUP BY time, kind
          ORDER BY time, kind`,
      },
      {
        type: 'table',
        title: 'Nhà cung cấp trong khoảng thời gian đã chọn',
        description:
          'Per vendor: systems registered, systems that sent samples, samples received, the last arrival and the ' +
          'median delay between measuring and arriving (a large delay means a stuck queue or a wrong clock).',
        gridPos: { x: 0, y: 9, w: 24, h: 7 },
        sql: sql`
          SELECT v.vendor AS vendor, v.name AS name, v.expected AS systems_registered,
            uniqExactIf(s.system_id, s.system_id != '') AS systems_reporting,
            countIf(s.system_id != '') AS samples,
            if(samples = 0, NULL, max(s.received_at)) AS last_received,
            if(samples = 0, NULL, round(quantileExactIf(0.5)(s.lag_s, s.system_id != ''), 1)) AS median_lag_s
          FROM ${vendorsTable(registry)} AS v
          LEFT JOIN (
            SELECT vendor, system_id, received_at, dateDiff('millisecond', observed_at, received_at) / 1000 AS lag_s
            FROM kh02.health_samples
            WHERE ${RECEIVED} AND observed_at >= $__fromTime - INTERVAL 3 DAY) AS s ON s.vendor = v.vendor
          GROUP BY vendor, name, systems_registered
          ORDER BY vendor`,
      },
    ],
  });
}
