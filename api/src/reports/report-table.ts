import { viDate, viDateTime, viDateWords } from '@kh02/schemas';
import { viInteger, viPercent, viChange, viChangePoints } from './report-wording.js';
import type { CountTriple, RateTriple, Report, ScopeReport, Target } from '@kh02/schemas';

/*
 * The Phụ lục VII table (seed-digest §7.1) as rows of Vietnamese text, shared
 * by the CSV and the HTML/PDF renderers so both always say the same thing.
 */

export interface TableRow {
  kind: 'section' | 'row';
  section: string;
  indicator: string;
  period: string;
  cumulative: string;
  change: string;
  note: string;
}

export interface ReportHeadings {
  title: string;
  subtitle: string;
  periodColumn: string;
  changeColumn: string;
  cutoffLine: string;
}

export const SECTIONS = {
  dossiers: '1. Tình hình hồ sơ',
  procedures: '2. TTHC trọng yếu (Top 5)',
  incidents: '3. Tình hình sự cố',
  issues: '4. Các vấn đề nổi cộm cần xin ý kiến chỉ đạo',
  tasks: '5. Tiến độ nhiệm vụ Kế hoạch 02',
} as const;

export function headings(report: Report, scope: ScopeReport, status: 'frozen' | 'provisional'): ReportHeadings {
  const daily = report.kind === 'daily';
  const place = scope.scope.kind === 'national' ? 'Toàn quốc' : `Tỉnh/Thành phố: ${scope.scope.name}`;
  const when = daily
    ? `Ngày ${viDateWords(report.report_date)}`
    : `Tuần từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}`;
  const data = daily
    ? `Số liệu ngày ${viDate(report.period.to)}`
    : `Số liệu từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}`;
  const cut =
    status === 'frozen'
      ? `${data}, chốt lúc ${viDateTime(report.cutoff_at)}`
      : `BẢN TẠM TÍNH — ${data.toLowerCase()}, tính đến ${viDateTime(report.data_as_of)}; chốt chính thức lúc ${viDateTime(report.cutoff_at)}`;
  return {
    title: daily ? 'BÁO CÁO NHANH TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH 02' : 'BÁO CÁO TUẦN TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH 02',
    subtitle: `(${when} - ${place})`,
    periodColumn: daily ? 'Số liệu trong ngày' : 'Số liệu trong tuần',
    changeColumn: daily ? 'So với ngày hôm trước' : 'So với tuần trước',
    cutoffLine: `${cut}; lũy kế từ ngày ${viDate(report.cumulative_from)}.`,
  };
}

const section = (title: string): TableRow => ({
  kind: 'section',
  section: title,
  indicator: title,
  period: '',
  cumulative: '',
  change: '',
  note: '',
});

function countRow(sectionTitle: string, indicator: string, t: CountTriple, note = ''): TableRow {
  return {
    kind: 'row',
    section: sectionTitle,
    indicator,
    period: viInteger(t.period),
    cumulative: viInteger(t.cumulative),
    change: viChange(t.period - t.previous),
    note,
  };
}

function targetNote(rate: RateTriple, target: Target): string {
  const goal = `Mục tiêu ${target.comparator} ${viPercent(target.value, 0)}`;
  if (rate.meets_target === null) return `${goal}; chưa có số liệu`;
  return `${goal}; ${rate.meets_target ? 'Đạt' : 'Chưa đạt'} (${viInteger(rate.period.numerator)}/${viInteger(rate.period.denominator)} hồ sơ)`;
}

function rateRow(indicator: string, rate: RateTriple, target: Target): TableRow {
  return {
    kind: 'row',
    section: SECTIONS.dossiers,
    indicator,
    period: viPercent(rate.period.value),
    cumulative: viPercent(rate.cumulative.value),
    change: viChangePoints(rate.change_pp),
    note: targetNote(rate, target),
  };
}

const emptyRow = (sectionTitle: string, text: string): TableRow => ({
  kind: 'row',
  section: sectionTitle,
  indicator: text,
  period: '',
  cumulative: '',
  change: '',
  note: '',
});

/** The rows of one scope's report, in the template's order. */
export function tableRows(report: Report, scope: ScopeReport): TableRow[] {
  const d = scope.dossiers;
  const units = `Đơn vị cấp xã đã báo cáo: ${viInteger(scope.reporting_units.reported)}/${viInteger(scope.reporting_units.expected)}`;
  const rows: TableRow[] = [
    section(SECTIONS.dossiers),
    countRow(SECTIONS.dossiers, 'Tổng hồ sơ tiếp nhận', d.received, units),
    rateRow('Tỷ lệ hồ sơ trực tuyến', scope.online_rate, report.targets.online_rate),
    rateRow('Tỷ lệ hồ sơ đúng hạn', scope.on_time_rate, report.targets.on_time_rate),
    section(SECTIONS.procedures),
  ];
  if (scope.top_procedures.length === 0) rows.push(emptyRow(SECTIONS.procedures, 'Chưa có số liệu'));
  for (const p of scope.top_procedures) rows.push(countRow(SECTIONS.procedures, `${p.name} (${p.code})`, p));

  const noSource = report.incidents_available ? '' : 'Chưa có nguồn dữ liệu phiếu giao việc';
  rows.push(
    section(SECTIONS.incidents),
    countRow(SECTIONS.incidents, 'Số sự cố kỹ thuật', scope.incidents.technical, noSource),
    countRow(SECTIONS.incidents, 'Số sự cố nghiệp vụ', scope.incidents.process, noSource),
    countRow(SECTIONS.incidents, 'Số sự cố đã được xử lý', scope.incidents.resolved, noSource),
    section(SECTIONS.issues),
  );
  if (scope.hot_issues.length === 0) rows.push(emptyRow(SECTIONS.issues, 'Không có đơn vị ở trạng thái khẩn cấp'));
  for (const issue of scope.hot_issues) {
    rows.push({
      kind: 'row',
      section: SECTIONS.issues,
      indicator: issue.name,
      period: '',
      cumulative: '',
      change: '',
      note: [`Khẩn cấp từ ${viDateTime(issue.since)}`, ...issue.reasons].join('; '),
    });
  }
  if (report.task_progress && scope.scope.kind === 'national') rows.push(...taskRows(report.task_progress));
  return rows;
}

const DIFFICULTY_VI = { internal: 'nội bộ', cross_sector: 'liên ngành', institutional: 'thể chế / vượt thẩm quyền' };

/** Section 5 (national page): completed, overdue and the difficulties that need direction. */
function taskRows(t: NonNullable<Report['task_progress']>): TableRow[] {
  const row = (indicator: string, period: string, cumulative: string, note: string): TableRow => ({
    kind: 'row',
    section: SECTIONS.tasks,
    indicator,
    period,
    cumulative,
    change: '',
    note,
  });
  const share = t.assignments > 0 ? viPercent(t.done / t.assignments) : '—';
  return [
    section(SECTIONS.tasks),
    row(
      'Lượt nhiệm vụ đã hoàn thành',
      viInteger(t.newly_completed_count),
      viInteger(t.done),
      `${share} của ${viInteger(t.assignments)} lượt giao; theo cập nhật của đầu mối đến ${viDateTime(t.as_of)}`,
    ),
    row(
      'Lượt nhiệm vụ quá hạn',
      '',
      viInteger(t.overdue),
      t.overdue_units.map((u) => `${u.unit_name}: ${viInteger(u.overdue)}`).join('; '),
    ),
    row(
      'Khó khăn, vướng mắc cần xin ý kiến chỉ đạo',
      '',
      viInteger(t.needs_direction.length),
      t.needs_direction.map((d) => `NV ${d.task} – ${d.unit_name} (${DIFFICULTY_VI[d.class]}): ${d.text}`).join('; '),
    ),
  ];
}
