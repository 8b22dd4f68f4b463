import { VN_OFFSET_MS } from '@kh02/schemas';

/*
 * Vietnamese number and date formatting, written out rather than taken from
 * Intl so every export is byte-identical on every machine and ICU version:
 * thousands with ".", decimals with ",", dates as dd/mm/yyyy, Vietnam time.
 */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 12345 → "12.345"; -3 → "-3". */
export function viInteger(n: number): string {
  const abs = Math.abs(Math.round(n));
  return `${n < 0 && abs !== 0 ? '-' : ''}${groupThousands(String(abs))}`;
}

/** 82.3456 with 2 digits → "82,35". Halves round away from zero, as people do by hand. */
export function viDecimal(n: number, digits: number): string {
  // toPrecision(12) drops binary noise first: 0.82345 * 100 is 82.34499999… in floating point.
  const scaled = Math.round(Number((Math.abs(n) * 10 ** digits).toPrecision(12)));
  const text = String(scaled).padStart(digits + 1, '0');
  const int = text.slice(0, text.length - digits);
  const frac = digits > 0 ? text.slice(text.length - digits) : '';
  const sign = n < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${groupThousands(int)}${frac ? `,${frac}` : ''}`;
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

/** "2026-07-15" → "15/07/2026". */
export function viDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

/** "2026-07-15" → "15 tháng 7 năm 2026" (the template's sub-header wording). */
export function viDateWords(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${Number(d)} tháng ${Number(m)} năm ${y}`;
}

/** An instant as "08:30 ngày 15/07/2026", Vietnam time. */
export function viDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ngày ${viDate(local.slice(0, 10))}`;
}
