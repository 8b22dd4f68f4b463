import { bilingual, type Reason } from '@kh02/schemas';
import { incidentFlags, type IncidentState } from '../state/incident-state.js';
import { iso } from './evaluation.js';

/**
 * Vendor incidents on a system: an unresolved serious one is red, a minor
 * one yellow; broken reporting duties (late first report, no 30-minute
 * update, no root-cause report 24 h after the fix) are yellow and named.
 */
export function incidentReasons(incidents: IncidentState[], now: number): Reason[] {
  const reasons: Reason[] = [];
  for (const i of incidents) {
    if (i.resolvedAt === undefined) {
      reasons.push({
        indicator: 'vendor_incident',
        status: i.severity === 'serious' ? 'red' : 'yellow',
        value: null,
        threshold: null,
        comparator: null,
        unit: null,
        since: iso(i.detectedAt ?? i.reportedAt),
        source: { code: i.incidentId, name: i.title, kind: 'incident' },
        message: bilingual(
          `${i.vendor} báo sự cố ${i.severity === 'serious' ? 'nghiêm trọng' : ''} đang xử lý: ${i.title}`.replace(
            '  ',
            ' ',
          ),
          `${i.vendor} reports an unresolved ${i.severity} incident: ${i.title}`,
        ),
      });
    }
    const f = incidentFlags(i, now);
    const duty = (rule: string, vi: string, en: string, since: number | undefined) =>
      reasons.push({
        indicator: 'incident_reporting',
        rule,
        status: 'yellow',
        value: null,
        threshold: null,
        comparator: null,
        unit: null,
        since: iso(since ?? null),
        source: { code: i.incidentId, name: i.title, kind: 'incident' },
        message: bilingual(vi, en),
      });
    if (f.lateReport)
      duty(
        'late_report',
        `Sự cố ${i.incidentId} báo cáo muộn quá 15 phút sau khi phát hiện.`,
        `Incident ${i.incidentId} was reported more than 15 min after detection.`,
        i.reportedAt,
      );
    if (f.updateOverdue)
      duty(
        'update_overdue',
        `Sự cố ${i.incidentId} quá 30 phút chưa cập nhật tiến độ.`,
        `Incident ${i.incidentId}: no progress update for over 30 min.`,
        i.lastUpdateAt + 30 * 60_000,
      );
    if (f.rootCauseOverdue)
      duty(
        'rca_overdue',
        `Sự cố ${i.incidentId} quá 24 giờ sau khắc phục chưa có báo cáo nguyên nhân gốc rễ.`,
        `Incident ${i.incidentId}: no root-cause report 24 h after the fix.`,
        (i.resolvedAt ?? 0) + 24 * 3_600_000,
      );
  }
  return reasons;
}
