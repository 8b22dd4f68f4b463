import { formatNumber, viDateTime, type Report, type ScopeReport } from '@kh02/schemas';

/*
 * The report's own wording on top of the shared Vietnamese formatting
 * (`@kh02/schemas` format): percentages with two decimals and no space
 * ("82,35%", as Phụ lục VII writes them), and changes in words.
 */

/** 12345 → "12.345"; -3 → "-3". */
export function viInteger(n: number): string {
  return formatNumber(n, 'vi', 0);
}

/** 82.3456 with 2 digits → "82,35". */
export function viDecimal(n: number, digits: number): string {
  return formatNumber(n, 'vi', digits);
}

/** A 0–1 ratio as a percentage: 0.8235 → "82,35%". */
export function viPercent(ratio: number | null, digits = 2): string {
  return ratio === null ? '—' : `${viDecimal(ratio * 100, digits)}%`;
}

/*
 * Changes are written in words ("tăng 12", "giảm 3", "không đổi"), as a
 * Vietnamese report reads, and so no exported cell starts with "+" or "-",
 * which spreadsheet programs would take for a formula.
 */

/** A count change: "tăng 1.234", "giảm 3", "không đổi". */
export function viChange(n: number): string {
  if (n === 0) return 'không đổi';
  return `${n > 0 ? 'tăng' : 'giảm'} ${viInteger(Math.abs(n))}`;
}

/** A change in percentage points: "tăng 1,25 điểm %", "giảm 0,39 điểm %", "không đổi". */
export function viChangePoints(pp: number | null): string {
  if (pp === null) return '—';
  const s = viDecimal(Math.abs(pp), 2);
  if (s === '0,00') return 'không đổi';
  return `${pp > 0 ? 'tăng' : 'giảm'} ${s} điểm %`;
}

/** What the reader must know before trusting the figures (printed on the page and in the CSV), or nothing. */
export function completenessNote(r: Report, scope: ScopeReport): string | null {
  const notes: string[] = [];
  if (r.completeness.incomplete) {
    const u = scope.reporting_units;
    notes.push(
      `Số liệu chưa đầy đủ: chỉ ${viInteger(u.reported)}/${viInteger(u.expected)} đơn vị cấp xã có số liệu; các con số thấp không phản ánh thực tế.`,
    );
  }
  if (r.completeness.frozen_late)
    notes.push(
      `Chốt muộn: hệ thống không chạy lúc chốt số liệu; gồm số liệu của kỳ báo cáo nhận đến ${viDateTime(r.data_as_of)}.`,
    );
  return notes.length > 0 ? notes.join(' ') : null;
}
