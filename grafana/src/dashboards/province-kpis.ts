import type { Registry } from '@kh02/schemas/registry';
import { dashboard, sql, type Dashboard } from '../grafana-model.js';
import { provincesTable } from '../registry-values.js';

const TZ = `'Asia/Ho_Chi_Minh'`;
/** Phụ lục VII targets: online > 80 %, on time > 99 % (seed-digest §2.3). */
const ONLINE_TARGET_PCT = 80;
const ON_TIME_TARGET_PCT = 99;

/** Each unit's latest cumulative counts per day, from the counter_daily rollup. */
const DAILY_UNITS = (where: string) => sql`
  SELECT province_code, report_date, unit_code,
    argMaxMerge(received) AS received, argMaxMerge(received_online) AS online,
    argMaxMerge(processed) AS processed, argMaxMerge(on_time) AS on_time
  FROM kh02.counter_daily
  WHERE ${where}
  GROUP BY province_code, report_date, unit_code`;

const indent = (text: string, spaces: number) => text.replaceAll('\n', `\n${' '.repeat(spaces)}`);

export function provinceKpisDashboard(registry: Registry): Dashboard {
  return dashboard({
    uid: 'kh02-province-kpis',
    title: 'KH02 — Chỉ số theo tỉnh, thành phố',
    description:
      'Dossiers received, online rate and on-time rate per province and nationally, against the Phụ lục VII targets.',
    from: 'now-30d',
    panels: [
      {
        type: 'table',
        title: 'Chỉ số theo tỉnh (ngày cuối của khoảng thời gian)',
        description:
          `Per province for the last day of the range: dossiers received, online rate (target > ${ONLINE_TARGET_PCT}%), ` +
          `on-time rate (target > ${ON_TIME_TARGET_PCT}%) and units that reported. Lowest online rate first.`,
        gridPos: { x: 0, y: 0, w: 24, h: 12 },
        sql: sql`
          SELECT p.code AS code, p.name AS province,
            sum(d.received) AS received,
            round(100 * sum(d.online) / nullIf(received, 0), 2) AS online_rate_pct,
            round(100 * sum(d.on_time) / nullIf(sum(d.processed), 0), 2) AS on_time_rate_pct,
            countIf(d.unit_code != '') AS units_reported, p.expected AS units_expected,
            if(online_rate_pct > ${ONLINE_TARGET_PCT} AND on_time_rate_pct > ${ON_TIME_TARGET_PCT}, 'Đạt', 'Chưa đạt') AS assessment
          FROM ${provincesTable(registry)} AS p
          LEFT JOIN (
            ${indent(DAILY_UNITS(`report_date = toDate($__toTime, ${TZ})`), 12)}) AS d ON d.province_code = p.code
          GROUP BY code, province, units_expected
          ORDER BY online_rate_pct NULLS FIRST, code`,
      },
      {
        type: 'timeseries',
        title: 'Tỷ lệ hồ sơ trực tuyến và đúng hạn toàn quốc theo ngày (%)',
        description: 'National daily rates with the targets as reference lines.',
        unit: 'percent',
        gridPos: { x: 0, y: 12, w: 12, h: 9 },
        sql: sql`
          SELECT toDateTime(report_date, ${TZ}) AS time,
            round(100 * sum(online) / nullIf(sum(received), 0), 2) AS online_rate_pct,
            round(100 * sum(on_time) / nullIf(sum(processed), 0), 2) AS on_time_rate_pct,
            ${ONLINE_TARGET_PCT} AS online_target_pct, ${ON_TIME_TARGET_PCT} AS on_time_target_pct
          FROM (
            ${indent(DAILY_UNITS('$__dateFilter(report_date)'), 12)})
          GROUP BY report_date
          ORDER BY time`,
      },
      {
        type: 'timeseries',
        title: 'Hồ sơ tiếp nhận toàn quốc theo ngày',
        description: 'Dossiers received per day, all channels and online.',
        unit: 'short',
        gridPos: { x: 12, y: 12, w: 12, h: 9 },
        sql: sql`
          SELECT toDateTime(report_date, ${TZ}) AS time, sum(received) AS received, sum(online) AS received_online
          FROM (
            ${indent(DAILY_UNITS('$__dateFilter(report_date)'), 12)})
          GROUP BY report_date
          ORDER BY time`,
      },
    ],
  });
}
