import { viDate, viDateTime } from '@kh02/schemas';
import type { Report, ScopeReport } from '@kh02/schemas';
import { headings, tableRows } from './report-table.js';

/*
 * CSV export of the Phụ lục VII report: RFC 4180 (comma, CRLF, quotes doubled),
 * UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese
 * text correctly. Values are the same Vietnamese-formatted text as the PDF
 * (12.345; 82,35%); the JSON API is the machine-readable form. The output
 * depends only on the report, so a frozen snapshot exports byte-identically.
 */

const BOM = '\uFEFF';

/** RFC 4180 quoting; a value a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const line = (values: readonly string[]) => values.map(csvCell).join(',');

export function scopesOf(report: Report, scope: string | undefined): ScopeReport[] | undefined {
  if (scope === undefined || scope === 'all') return [report.national, ...report.provinces];
  if (scope === report.national.scope.code) return [report.national];
  const province = report.provinces.find((p) => p.scope.code === scope);
  return province ? [province] : undefined;
}

/** Who downloaded the file and when, printed into it (the audit trail has the same record). */
export interface Watermark {
  username: string;
  name: string;
  /** ISO instant of the download. */
  at: string;
  classification: string;
}

export const watermarkText = (w: Watermark) =>
  `Bản tải xuống của ${w.name} (${w.username}) lúc ${viDateTime(w.at)} — Độ mật: ${w.classification}`;

export function reportCsv(
  report: Report,
  status: 'frozen' | 'provisional',
  scopes: readonly ScopeReport[],
  watermark?: Watermark,
): string {
  const h = headings(report, report.national, status);
  const kindLabel = report.kind === 'daily' ? 'Báo cáo ngày' : 'Báo cáo tuần';
  const cut = viDateTime(status === 'frozen' ? report.cutoff_at : report.data_as_of);
  const state = status === 'frozen' ? 'Đã chốt' : 'Tạm tính';
  const header = [
    'Loại báo cáo',
    'Ngày báo cáo',
    'Số liệu chốt lúc',
    'Trạng thái',
    'Phạm vi',
    'Mã đơn vị',
    'Mục',
    'Chỉ số',
    h.periodColumn,
    'Lũy kế',
    h.changeColumn,
    'Ghi chú/Đánh giá',
  ];
  // Coverage is in-band (each scope's "Đơn vị cấp xã đã báo cáo: n/m" note), so the table keeps one header row.
  const lines = watermark ? [line([watermarkText(watermark)]), line(header)] : [line(header)];
  for (const scope of scopes) {
    for (const row of tableRows(report, scope)) {
      if (row.kind === 'section') continue;
      lines.push(
        line([
          kindLabel,
          viDate(report.report_date),
          cut,
          state,
          scope.scope.name,
          scope.scope.code,
          row.section,
          row.indicator,
          row.period,
          row.cumulative,
          row.change,
          row.note,
        ]),
      );
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
