import { z } from 'zod';
import { BilingualTextSchema } from '../i18n.js';

/**
 * Five states a person can tell apart without colour: green, yellow, red,
 * `noreport` (nothing received in the expected window — a silent unit never
 * looks green) and `stale` (the wall's own feed is late, so the colour shown
 * may be out of date).
 */
export const UNIT_STATUSES = ['green', 'yellow', 'red', 'noreport', 'stale'] as const;
export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

/** Combining order: the worst candidate wins. `stale` is applied on top by the pipeline check. */
export const STATUS_SEVERITY: Record<UnitStatus, number> = { green: 0, noreport: 1, yellow: 2, red: 3, stale: 4 };

export function worstStatus(statuses: Iterable<UnitStatus>): UnitStatus {
  let worst: UnitStatus = 'green';
  for (const s of statuses) if (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s;
  return worst;
}

export const STATUS_LABELS: Record<UnitStatus, { vi: string; en: string; icon: string }> = {
  green: { vi: 'Bình thường', en: 'Normal', icon: '✓' },
  yellow: { vi: 'Cảnh báo', en: 'Warning', icon: '!' },
  red: { vi: 'Khẩn cấp', en: 'Critical', icon: '✕' },
  noreport: { vi: 'Chưa báo cáo', en: 'No report', icon: '?' },
  stale: { vi: 'Dữ liệu cũ', en: 'Stale data', icon: '⏱' },
};

export const INDICATORS = [
  'online_rate',
  'on_time_rate',
  'volume_vs_yesterday',
  'online_rate_trend',
  'on_time_rate_trend',
  'uptime',
  'cpu',
  'ram',
  'response_time',
  'shr_missing',
  'security_alert',
  'performance_alert',
  'no_data',
  'communes_red',
  'communes_noreport',
  'system_status',
  'open_ticket',
  'vendor_incident',
  'incident_reporting',
  'pipeline_lag',
  'task_progress',
] as const;
export const IndicatorSchema = z.enum(INDICATORS);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const INDICATOR_LABELS: Record<Indicator, { vi: string; en: string }> = {
  online_rate: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' },
  on_time_rate: { vi: 'Tỷ lệ hồ sơ đúng hạn', en: 'On-time rate' },
  volume_vs_yesterday: { vi: 'Số hồ sơ so với hôm qua', en: 'Dossiers vs yesterday' },
  online_rate_trend: {
    vi: 'Tỷ lệ trực tuyến giảm bất thường (so với cùng giờ hôm qua)',
    en: 'Online rate falling abnormally (vs same time yesterday)',
  },
  on_time_rate_trend: {
    vi: 'Tỷ lệ đúng hạn giảm bất thường (so với cùng giờ hôm qua)',
    en: 'On-time rate falling abnormally (vs same time yesterday)',
  },
  uptime: { vi: 'Thời gian hoạt động (uptime)', en: 'Uptime' },
  cpu: { vi: 'Tải CPU', en: 'CPU load' },
  ram: { vi: 'Sử dụng RAM', en: 'RAM use' },
  response_time: { vi: 'Thời gian phản hồi', en: 'Response time' },
  shr_missing: { vi: 'Thiếu báo cáo trạng thái hệ thống (08:00)', en: 'Daily health report missing (08:00)' },
  security_alert: { vi: 'Cảnh báo an ninh', en: 'Security alert' },
  performance_alert: { vi: 'Cảnh báo hiệu năng', en: 'Performance alert' },
  no_data: { vi: 'Không nhận được dữ liệu', en: 'No data received' },
  communes_red: { vi: 'Tỷ lệ xã/phường màu đỏ', en: 'Share of communes in red' },
  communes_noreport: { vi: 'Tỷ lệ xã/phường chưa báo cáo', en: 'Share of communes not reporting' },
  system_status: { vi: 'Trạng thái hệ thống', en: 'System status' },
  open_ticket: { vi: 'Phiếu giao việc đang mở', en: 'Open work ticket' },
  vendor_incident: { vi: 'Sự cố do doanh nghiệp báo cáo', en: 'Vendor-reported incident' },
  incident_reporting: { vi: 'Nghĩa vụ báo cáo sự cố', en: 'Incident reporting duty' },
  pipeline_lag: { vi: 'Dữ liệu về Trung tâm bị chậm', en: 'Data feed to the Center is late' },
  task_progress: { vi: 'Tiến độ nhiệm vụ Kế hoạch 02', en: 'Plan 02 task progress' },
};

/** Why a unit has its colour: which indicator, its value, the threshold, since when. */
export const ReasonSchema = z.object({
  indicator: IndicatorSchema,
  status: z.enum(['red', 'yellow', 'noreport', 'stale']),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  comparator: z.enum(['<', '<=', '>', '>=']).nullable(),
  /** Unit of value/threshold: 'ratio' (0–1), 'pct' (0–100), 'ms', 'count'. */
  unit: z.enum(['ratio', 'pct', 'ms', 'count']).nullable(),
  /** ISO instant the condition started (from the data, so a restart reproduces it). */
  since: z.string().nullable(),
  message: BilingualTextSchema,
  /**
   * Which rule of the indicator fired, when one indicator has several (an
   * incident's reporting duties: late_report, update_overdue, rca_overdue).
   * Reasons that differ only in rule are different facts and are all shown.
   */
  rule: z.string().max(64).optional(),
  /**
   * For a rolled-up reason (`system_status`), the child's own indicator, so
   * "97,9 % against ≥ 95 %" is labelled "Tải CPU" and reads as the breach it is.
   */
  source_indicator: IndicatorSchema.optional(),
  /** The child that caused it (a commune or a system), when rolled up. */
  source: z
    .object({
      code: z.string(),
      name: z.string(),
      /** The English name where the registry has one (systems); tickets and incidents keep their own title. */
      name_en: z.string().optional(),
      kind: z.enum(['commune', 'system', 'ticket', 'incident']).optional(),
    })
    .optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;
