import { bilingual } from '../i18n.js';
import { addDays, vnLocalDate, vnMidnight, DAY_MS } from '../time.js';
import type { FieldIssue } from './issues.js';
import type { TelemetryEventByKind, TelemetryKind } from './kinds.js';

/**
 * Event times must sit within a tolerance of the server clock: a far-future
 * time is a broken clock, a very old one would silently rewrite history.
 */
export interface TimeWindowPolicy {
  maxFutureMs: number;
  sampleMaxAgeMs: number;
  counterMaxAgeMs: number;
  reportMaxAgeDays: number;
}

export const DEFAULT_TIME_WINDOW: TimeWindowPolicy = {
  maxFutureMs: 5 * 60_000,
  sampleMaxAgeMs: 2 * DAY_MS,
  counterMaxAgeMs: 3 * DAY_MS,
  reportMaxAgeDays: 7,
};

function instantIssue(path: string, iso: string, nowMs: number, maxAgeMs: number, maxFutureMs: number): FieldIssue[] {
  const t = Date.parse(iso);
  if (t > nowMs + maxFutureMs) {
    return [
      {
        path,
        reason: 'in_future',
        message: bilingual(
          `Thời điểm ở tương lai quá ${Math.round(maxFutureMs / 60_000)} phút so với giờ máy chủ; hãy đồng bộ đồng hồ (NTP).`,
          `Time is more than ${Math.round(maxFutureMs / 60_000)} min ahead of server time; sync your clock (NTP).`,
        ),
      },
    ];
  }
  if (t < nowMs - maxAgeMs) {
    const hours = Math.round(maxAgeMs / 3_600_000);
    return [
      {
        path,
        reason: 'too_old',
        message: bilingual(
          `Thời điểm cũ hơn ${hours} giờ; dữ liệu quá hạn không được nhận.`,
          `Time is older than ${hours} h; data this old is not accepted.`,
        ),
      },
    ];
  }
  return [];
}

/** Issues (paths relative to the event) for times outside the accepted window. */
export function timeWindowIssues<K extends TelemetryKind>(
  kind: K,
  event: TelemetryEventByKind[K],
  nowMs: number,
  policy: TimeWindowPolicy = DEFAULT_TIME_WINDOW,
): FieldIssue[] {
  switch (kind) {
    case 'health_sample': {
      const e = event as TelemetryEventByKind['health_sample'];
      return instantIssue('observed_at', e.observed_at, nowMs, policy.sampleMaxAgeMs, policy.maxFutureMs);
    }
    case 'counter_report': {
      const e = event as TelemetryEventByKind['counter_report'];
      return instantIssue('interval_end', e.interval_end, nowMs, policy.counterMaxAgeMs, policy.maxFutureMs);
    }
    case 'incident_report': {
      const e = event as TelemetryEventByKind['incident_report'];
      return instantIssue('at', e.at, nowMs, policy.counterMaxAgeMs, policy.maxFutureMs);
    }
    case 'health_report': {
      const e = event as TelemetryEventByKind['health_report'];
      const today = vnLocalDate(nowMs);
      const issues: FieldIssue[] = [];
      if (e.report_date > today || e.report_date < addDays(today, -policy.reportMaxAgeDays)) {
        issues.push({
          path: 'report_date',
          reason: 'out_of_window',
          message: bilingual(
            `Ngày báo cáo phải trong ${policy.reportMaxAgeDays} ngày gần nhất và không sau hôm nay (${today}).`,
            `report_date must be within the last ${policy.reportMaxAgeDays} days and not after today (${today}).`,
          ),
        });
        return issues;
      }
      const dayStart = vnMidnight(e.report_date);
      e.peaks.forEach((peak, i) => {
        const t = Date.parse(peak.at);
        if (t < dayStart || t >= dayStart + DAY_MS) {
          issues.push({
            path: `peaks[${i}].at`,
            reason: 'outside_report_date',
            message: bilingual(
              `Thời điểm cao điểm phải thuộc ngày báo cáo ${e.report_date} (giờ Việt Nam).`,
              `Peak time must fall on the report date ${e.report_date} (Vietnam time).`,
            ),
          });
        }
      });
      return issues;
    }
    default:
      return [];
  }
}
