import type { Registry } from '@kh02/schemas/registry';
import { dashboard, sql, type Dashboard } from '../grafana-model.js';
import { provincesTable, totalSystems, totalUnits, vendorsTable } from '../registry-values.js';

/*
 * Two deadlines of the day (seed-digest §6.1): vendors' daily System Health
 * Report for yesterday is due before 08:00; communes compile the full day's
 * figures after 17:00. A day's 08:00 is `toDateTime64(day, 3, tz) + 8 h`.
 */
const TZ = `'Asia/Ho_Chi_Minh'`;
const at = (day: string, hour: number) => `toDateTime64(${day}, 3, ${TZ}) + INTERVAL ${hour} HOUR`;
const LAST_DAY = `toDate($__toTime, ${TZ})`;
const PCT_RED = [
  { color: 'red', value: null },
  { color: 'yellow', value: 80 },
  { color: 'green', value: 95 },
];

export function completenessDashboard(registry: Registry): Dashboard {
  const systems = totalSystems(registry);
  const units = totalUnits(registry);
  return dashboard({
    uid: 'kh02-completeness',
    title: 'KH02 — Mức độ đầy đủ báo cáo lúc 08:00 và 17:00',
    description: 'Reporting completeness at the two deadlines of the day: vendors at 08:00, communes at 17:00.',
    from: 'now-14d',
    panels: [
      {
        type: 'timeseries',
        title: 'Báo cáo trạng thái hệ thống nhận trước 08:00 (%)',
        description: `Share of the ${systems} registered systems whose report for the previous day arrived by 08:00 (and at all).`,
        unit: 'percent',
        thresholds: PCT_RED,
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        sql: sql`
          SELECT toDateTime(report_date + 1, ${TZ}) + INTERVAL 8 HOUR AS time,
            round(100 * uniqExactIf(system_id, received_at <= ${at('report_date + 1', 8)}) / ${systems}, 1) AS by_08h_pct,
            round(100 * uniqExact(system_id) / ${systems}, 1) AS received_pct
          FROM kh02.health_reports
          WHERE $__dateFilter(report_date)
          GROUP BY report_date
          ORDER BY time`,
      },
      {
        type: 'table',
        title: 'Báo cáo trạng thái hệ thống hôm nay, theo nhà cung cấp',
        description:
          'For the last day of the range: per vendor, reports for the day before received by 08:00, late, or missing.',
        gridPos: { x: 12, y: 0, w: 12, h: 8 },
        sql: sql`
          SELECT v.vendor AS vendor, v.name AS name, v.expected AS expected,
            countIf(r.system_id != '' AND r.first_received <= ${at(LAST_DAY, 8)}) AS on_time,
            countIf(r.system_id != '' AND r.first_received > ${at(LAST_DAY, 8)}) AS late,
            expected - on_time - late AS missing,
            round(100 * on_time / expected, 1) AS on_time_pct
          FROM ${vendorsTable(registry)} AS v
          LEFT JOIN (
            SELECT vendor, system_id, min(received_at) AS first_received
            FROM kh02.health_reports
            WHERE report_date = ${LAST_DAY} - 1 AND received_at <= $__toTime
            GROUP BY vendor, system_id) AS r ON r.vendor = v.vendor
          GROUP BY vendor, name, expected
          ORDER BY vendor`,
      },
      {
        type: 'timeseries',
        title: 'Đơn vị cấp xã đã báo cáo số liệu lúc 17:00 (%)',
        description: `Share of the ${units} commune-level units (incl. provincial centres) with a counter report of the day received by 17:00, and by the end of the day.`,
        unit: 'percent',
        thresholds: PCT_RED,
        gridPos: { x: 0, y: 8, w: 12, h: 8 },
        sql: sql`
          SELECT toDateTime(report_date, ${TZ}) + INTERVAL 17 HOUR AS time,
            round(100 * uniqExactIf(unit_code, received_at <= ${at('report_date', 17)}) / ${units}, 1) AS by_17h_pct,
            round(100 * uniqExact(unit_code) / ${units}, 1) AS whole_day_pct
          FROM kh02.counter_reports
          WHERE $__dateFilter(report_date)
          GROUP BY report_date
          ORDER BY time`,
      },
      {
        type: 'table',
        title: 'Mức độ đầy đủ lúc 17:00 theo tỉnh (ngày cuối của khoảng thời gian)',
        description:
          'Per province, commune-level units that reported the day’s figures by 17:00; least complete first.',
        gridPos: { x: 12, y: 8, w: 12, h: 12 },
        sql: sql`
          SELECT p.code AS code, p.name AS province, p.expected AS expected,
            uniqExactIf(c.unit_code, c.unit_code != '' AND c.received_at <= ${at(LAST_DAY, 17)}) AS by_17h,
            round(100 * by_17h / expected, 1) AS by_17h_pct,
            uniqExactIf(c.unit_code, c.unit_code != '') AS so_far
          FROM ${provincesTable(registry)} AS p
          LEFT JOIN (
            SELECT province_code, unit_code, received_at
            FROM kh02.counter_reports
            WHERE report_date = ${LAST_DAY} AND received_at <= $__toTime) AS c ON c.province_code = p.code
          GROUP BY code, province, expected
          ORDER BY by_17h_pct, code`,
      },
    ],
  });
}
