import type { Registry } from '@kh02/schemas/registry';
import { dashboard, sql, type Dashboard } from '../grafana-model.js';
import { provincesTable, vendorsTable } from '../registry-values.js';

/*
 * The 07:30 check (requirement 50) for analysts: when each source was last
 * heard from, relative to the end of the range ("now" by default). The api's
 * GET /api/v1/sources is the authoritative panel (it also knows the working
 * calendar and lists systems that never reported).
 */
const TZ = `'Asia/Ho_Chi_Minh'`;

export function dataSourcesDashboard(registry: Registry): Dashboard {
  return dashboard({
    uid: 'kh02-sources',
    title: 'KH02 — Nguồn dữ liệu (kiểm tra 07:30)',
    description: 'Last report time per vendor, system and province, and how many sources are in sync.',
    from: 'now-24h',
    panels: [
      {
        type: 'table',
        title: 'Nhà cung cấp: hệ thống gửi mẫu trong 5 phút gần nhất',
        description:
          'Per vendor: registered systems, systems with a sample in the last 5 minutes and in the last 24 hours, last arrival.',
        gridPos: { x: 0, y: 0, w: 12, h: 7 },
        sql: sql`
          SELECT v.vendor AS vendor, v.expected AS systems_registered,
            uniqExactIf(s.system_id, s.system_id != '' AND s.received_at >= $__toTime - INTERVAL 5 MINUTE) AS in_sync_5m,
            uniqExactIf(s.system_id, s.system_id != '') AS seen_24h,
            if(seen_24h = 0, NULL, max(s.received_at)) AS last_received
          FROM ${vendorsTable(registry)} AS v
          LEFT JOIN (
            SELECT vendor, system_id, received_at
            FROM kh02.health_samples
            WHERE received_at > $__toTime - INTERVAL 24 HOUR AND received_at <= $__toTime
              AND observed_at >= $__toTime - INTERVAL 3 DAY) AS s ON s.vendor = v.vendor
          GROUP BY vendor, systems_registered
          ORDER BY vendor`,
      },
      {
        type: 'table',
        title: 'Hệ thống mất đồng bộ (không có mẫu trong 30 phút)',
        description:
          'Systems seen in the last 7 days whose newest sample arrived more than 30 minutes before the end of the range.',
        gridPos: { x: 12, y: 0, w: 12, h: 7 },
        sql: sql`
          SELECT system_id, any(vendor) AS vendor, any(unit_code) AS unit_code, max(received_at) AS last_received,
            dateDiff('minute', last_received, $__toTime) AS minutes_silent
          FROM kh02.health_samples
          WHERE observed_at >= $__toTime - INTERVAL 7 DAY AND received_at <= $__toTime
          GROUP BY system_id
          HAVING minutes_silent > 30
          ORDER BY minutes_silent DESC, system_id`,
      },
      {
        type: 'table',
        title: 'Bộ phận một cửa: đơn vị báo cáo trong 24 giờ, theo tỉnh',
        description:
          'Per province: commune-level units with a counter report in the 24 hours before the end of the range, and the last one.',
        gridPos: { x: 0, y: 7, w: 24, h: 12 },
        sql: sql`
          SELECT p.code AS code, p.name AS province, p.expected AS expected,
            uniqExactIf(c.unit_code, c.unit_code != '') AS reported_24h,
            round(100 * reported_24h / expected, 1) AS reported_pct,
            if(reported_24h = 0, NULL, max(c.received_at)) AS last_received
          FROM ${provincesTable(registry)} AS p
          LEFT JOIN (
            SELECT province_code, unit_code, received_at
            FROM kh02.counter_reports
            WHERE report_date >= toDate($__toTime, ${TZ}) - 2
              AND received_at > $__toTime - INTERVAL 24 HOUR AND received_at <= $__toTime) AS c ON c.province_code = p.code
          GROUP BY code, province, expected
          ORDER BY reported_pct, code`,
      },
    ],
  });
}
