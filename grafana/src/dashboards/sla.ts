import type { Registry } from '@kh02/schemas/registry';
import { dashboard, sql, type Dashboard } from '../grafana-model.js';
import { vendorsTable } from '../registry-values.js';

const TZ = `'Asia/Ho_Chi_Minh'`;
/** The status engine's default red threshold for uptime (config/status-thresholds.json, uptime.redBelowPct). */
const UPTIME_RED_BELOW_PCT = 98;
/** SLA priority 1: total outage, fixed within 2 hours (seed-digest §4.3). */
const P1_FIX_MINUTES = 120;

export function slaDashboard(registry: Registry): Dashboard {
  return dashboard({
    uid: 'kh02-sla',
    title: 'KH02 — Vi phạm cam kết (SLA)',
    description:
      'Breaches of the vendor commitments: late or missing daily health reports, outages longer than the priority-1 ' +
      'fix time, and P1/P2 work tickets past their response or fix time (wall-clock budgets; P3/P4 run on working ' +
      'hours and are tracked by the ticket clocks in the api).',
    from: 'now-7d',
    panels: [
      {
        type: 'table',
        title: 'Báo cáo trạng thái hệ thống trễ (sau 08:00) hoặc thiếu, theo ngày và nhà cung cấp',
        description:
          'One row per report day and vendor with at least one late or missing report. A day’s report is due at 08:00 ' +
          'the next day, so days whose deadline is after the end of the range are not judged yet.',
        gridPos: { x: 0, y: 0, w: 12, h: 10 },
        thresholds: [
          { color: 'green', value: null },
          { color: 'red', value: 1 },
        ],
        sql: sql`
          SELECT day, vendor, expected, on_time, late, expected - on_time - late AS missing
          FROM (
            SELECT d.day AS day, v.vendor AS vendor, v.expected AS expected,
              countIf(r.system_id != '' AND r.first_received <= toDateTime64(d.day + 1, 3, ${TZ}) + INTERVAL 8 HOUR) AS on_time,
              countIf(r.system_id != '' AND r.first_received > toDateTime64(d.day + 1, 3, ${TZ}) + INTERVAL 8 HOUR) AS late
            FROM (
              SELECT toDate($__fromTime, ${TZ}) + number AS day
              FROM numbers(toUInt64(dateDiff('day', toDate($__fromTime, ${TZ}), toDate($__toTime, ${TZ})) + 1))
              WHERE toDateTime64(day + 1, 3, ${TZ}) + INTERVAL 8 HOUR <= $__toTime) AS d
            CROSS JOIN ${vendorsTable(registry)} AS v
            LEFT JOIN (
              SELECT vendor, report_date, system_id, min(received_at) AS first_received
              FROM kh02.health_reports
              WHERE report_date >= toDate($__fromTime, ${TZ}) AND received_at <= $__toTime
              GROUP BY vendor, report_date, system_id) AS r ON r.vendor = v.vendor AND r.report_date = d.day
            GROUP BY day, vendor, expected)
          WHERE late > 0 OR expected - on_time - late > 0
          ORDER BY day DESC, vendor`,
      },
      {
        type: 'table',
        title: `Hệ thống có uptime dưới ${UPTIME_RED_BELOW_PCT}% liên tục quá ${P1_FIX_MINUTES / 60} giờ`,
        description:
          `Runs of consecutive minutes in which a system reported uptime below ${UPTIME_RED_BELOW_PCT}% (the red ` +
          `threshold), longer than the priority-1 fix time of ${P1_FIX_MINUTES} minutes. A run ends at the first healthy sample.`,
        gridPos: { x: 12, y: 0, w: 12, h: 10 },
        sql: sql`
          SELECT system_id, vendor, min(bucket) AS started, max(bucket) + INTERVAL 1 MINUTE AS ended,
            dateDiff('minute', started, ended) AS minutes, round(min(uptime), 1) AS worst_uptime_pct
          FROM (
            SELECT system_id, vendor, bucket, uptime, healthy,
              -- Each healthy minute starts a new run; the down minutes after it share its number.
              sum(healthy) OVER (PARTITION BY system_id ORDER BY bucket ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run
            FROM (
              SELECT system_id, any(vendor) AS vendor, bucket, min(min_uptime_pct) AS uptime,
                toUInt8(min(min_uptime_pct) >= ${UPTIME_RED_BELOW_PCT}) AS healthy
              FROM kh02.health_minute
              WHERE $__timeFilter(bucket)
              GROUP BY system_id, bucket))
          WHERE healthy = 0
          GROUP BY system_id, vendor, run
          HAVING minutes > ${P1_FIX_MINUTES}
          ORDER BY minutes DESC, system_id`,
      },
      {
        type: 'table',
        title: 'Phiếu ưu tiên 1 và 2 quá thời gian phản hồi hoặc khắc phục',
        description:
          'P1: acknowledge within 15 min, fix within 2 h; P2: 30 min and 4 h (wall clock). A ticket not yet ' +
          'acknowledged or fixed is measured up to the end of the range. Cancelled tickets are left out.',
        gridPos: { x: 0, y: 10, w: 24, h: 9 },
        sql: sql`
          SELECT ticket_id, unit_code, priority, created_at,
            dateDiff('minute', created_at, ifNull(acknowledged_at, $__toTime)) AS response_minutes,
            if(priority = 'P1', 15, 30) AS response_budget,
            dateDiff('minute', created_at, ifNull(fixed_at, $__toTime)) AS fix_minutes,
            if(priority = 'P1', 120, 240) AS fix_budget,
            arrayStringConcat(arrayFilter(x -> x != '', [
              if(response_minutes > response_budget, 'Phản hồi', ''),
              if(fix_minutes > fix_budget, 'Khắc phục', '')]), ', ') AS breached
          FROM (
            SELECT ticket_id,
              anyIf(unit_code, event_type = 'created') AS unit_code,
              argMax(priority, at) AS priority,
              minIf(at, event_type = 'created') AS created_at,
              minIf(toNullable(at), event_type = 'acknowledged') AS acknowledged_at,
              minIf(toNullable(at), event_type = 'done_reported') AS fixed_at,
              countIf(event_type = 'cancelled') AS cancellations
            FROM kh02.ticket_events
            WHERE at <= $__toTime
            GROUP BY ticket_id
            HAVING cancellations = 0 AND priority IN ('P1', 'P2') AND $__timeFilter(created_at))
          WHERE breached != ''
          ORDER BY created_at, ticket_id`,
      },
    ],
  });
}
