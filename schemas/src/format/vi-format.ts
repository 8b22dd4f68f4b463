/*
 * Number and time formatting for the wall. Hand-rolled rather than Intl so the
 * output is identical on every wall PC and in tests: Vietnamese uses "." to
 * group thousands and "," for decimals ("1.234,5"), and times are always
 * Asia/Ho_Chi_Minh (fixed UTC+7, no DST since 1975) whatever the machine's TZ.
 */
import { VN_OFFSET_MS } from '../time.js';

export type Lang = 'vi' | 'en';

/** Non-breaking space: keeps "79,5 %" and "1.250 ms" on one line. */
export const NBSP = '\u00a0';

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * 1234.5 → "1.234,5" (vi) / "1,234.5" (en). `null` and non-finite → "—".
 * Halves round away from zero, as people do by hand (82.345 → "82,35"): the
 * value is scaled and cleaned of binary noise first (0.82345 × 100 is
 * 82.34499999… in floating point).
 */
export function formatNumber(value: number | null | undefined, lang: Lang = 'vi', fractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const { group, decimal } = SEPARATORS[lang];
  const scaled = Math.round(Number((Math.abs(value) * 10 ** fractionDigits).toPrecision(12)));
  const text = String(scaled).padStart(fractionDigits + 1, '0');
  const intPart = text.slice(0, text.length - fractionDigits);
  const fracPart = fractionDigits > 0 ? text.slice(text.length - fractionDigits) : '';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // "-0" after rounding reads as a change that is not there.
  const negative = value < 0 && scaled !== 0;
  return `${negative ? '-' : ''}${grouped}${fracPart ? decimal + fracPart : ''}`;
}

/** A percentage given as 0–100: 79.5 → "79,5 %". One decimal unless it is whole. */
export function formatPct(pct: number | null | undefined, lang: Lang = 'vi', fractionDigits = 1): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  // Decide on decimals after rounding, so 99.97 reads "100 %" rather than "100,0 %".
  const rounded = Math.round(pct * 10 ** fractionDigits) / 10 ** fractionDigits;
  const digits = Number.isInteger(rounded) ? 0 : fractionDigits;
  return `${formatNumber(rounded, lang, digits)}${NBSP}%`;
}

/** A ratio 0–1 shown as a percentage: 0.795 → "79,5 %". */
export function formatRatio(ratio: number | null | undefined, lang: Lang = 'vi', fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  // Round in percent space so 0.8 prints "80 %" and not "80,0 %".
  const pct = Math.round(ratio * 100 * 10 ** fractionDigits) / 10 ** fractionDigits;
  return formatPct(pct, lang, fractionDigits);
}

/** A signed change in percent: +12,5 % / -3 %. */
export function formatSignedPct(pct: number | null | undefined, lang: Lang = 'vi'): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  const s = formatPct(pct, lang);
  return pct > 0 ? `+${s}` : s;
}

export type ValueUnit = 'ratio' | 'pct' | 'ms' | 'count';

/** Formats a reason's value or threshold in its unit (percentages with `fractionDigits` decimals). */
export function formatValue(
  value: number | null,
  unit: ValueUnit | null,
  lang: Lang = 'vi',
  fractionDigits = 1,
): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return formatRatio(value, lang, fractionDigits);
    case 'pct':
      return formatPct(value, lang, fractionDigits);
    case 'ms':
      // Response times read in ms; silences ("no data for 2 h") read as a duration.
      return value >= 10_000 ? formatElapsed(value, lang) : `${formatNumber(value, lang)}${NBSP}ms`;
    case 'count':
    case null:
      return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
  }
}

/**
 * A value and the threshold it is compared with, at a precision that shows
 * they differ: 97.96 against 98 reads "97,96 %" and "98 %", never the
 * self-contradicting "98,0 %, dưới ngưỡng 98,0 %". Up to three decimals.
 */
export function formatAgainst(
  value: number,
  threshold: number,
  unit: ValueUnit | null,
  lang: Lang = 'vi',
): { value: string; threshold: string } {
  let digits = 1;
  let v = formatValue(value, unit, lang, digits);
  while (value !== threshold && digits < 3 && v === formatValue(threshold, unit, lang, digits)) {
    digits += 1;
    v = formatValue(value, unit, lang, digits);
  }
  return { value: v, threshold: formatValue(threshold, unit, lang) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A length of time in words: "45 giây", "12 phút", "2 giờ 05 phút" (en: "45 s", "12 min", "2 h 05 min"). */
export function formatElapsed(ms: number, lang: Lang = 'vi'): string {
  const w = lang === 'vi' ? { s: 'giây', m: 'phút', h: 'giờ' } : { s: 's', m: 'min', h: 'h' };
  const totalMin = Math.floor(Math.abs(ms) / 60_000);
  if (totalMin < 1) return `${Math.floor(Math.abs(ms) / 1000)}${NBSP}${w.s}`;
  if (totalMin < 60) return `${totalMin}${NBSP}${w.m}`;
  return `${formatNumber(Math.floor(totalMin / 60), lang)}${NBSP}${w.h} ${pad2(totalMin % 60)}${NBSP}${w.m}`;
}

/** Wall-clock parts in Vietnam at an instant: the date is shifted, then read as UTC. */
function vnParts(ms: number) {
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hh: pad2(d.getUTCHours()),
    mm: pad2(d.getUTCMinutes()),
    ss: pad2(d.getUTCSeconds()),
  };
}

function toMs(at: number | string | null | undefined): number | null {
  if (at === null || at === undefined) return null;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? ms : null;
}

/** "16:58:03" in Vietnam time. */
export function formatClock(at: number | string | null | undefined): string {
  const ms = toMs(at);
  if (ms === null) return '—';
  const p = vnParts(ms);
  return `${p.hh}:${p.mm}:${p.ss}`;
}

/** "16:58" in Vietnam time. */
export function formatHm(at: number | string | null | undefined): string {
  const ms = toMs(at);
  if (ms === null) return '—';
  const p = vnParts(ms);
  return `${p.hh}:${p.mm}`;
}

/** "23/11/2026" (vi) or "23/11/2026" (en: day-first too, as the wall's audience expects). */
export function formatDate(at: number | string | null | undefined): string {
  const ms = toMs(at);
  if (ms === null) return '—';
  const p = vnParts(ms);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "16:58 23/11" — the short form used for "since" in tables. Omits the date when it is today. */
export function formatSince(at: number | string | null | undefined, nowMs: number): string {
  const ms = toMs(at);
  if (ms === null) return '—';
  const p = vnParts(ms);
  const today = vnParts(nowMs);
  const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
  return sameDay ? `${p.hh}:${p.mm}` : `${p.hh}:${p.mm} ${pad2(p.day)}/${pad2(p.month)}`;
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** "Thứ Hai, 23/11/2026" */
export function formatLongDate(at: number, lang: Lang = 'vi'): string {
  const p = vnParts(at);
  return `${WEEKDAYS[lang][p.weekday] ?? ''}, ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/**
 * A countdown or overrun as H:MM:SS ("1:05:09"); hours may exceed 24 because
 * SLA clocks on working-hour calendars can span a weekend.
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${pad2(m)}:${pad2(s)}`;
}

/**
 * A date and time typed the Vietnamese way, "24/11/2026 17:00", read as
 * Vietnam time whatever zone the machine is set to → ISO instant; null when
 * empty or not a real date. (A native datetime picker would show the
 * browser's own format, e.g. "11/24/2026, 05:00 PM" on an English Chromium.)
 */
export function parseVnDateTime(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS;
  // Rejects 31/02 and the like, which Date.UTC would roll into the next month.
  const back = new Date(ms + VN_OFFSET_MS);
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1) return null;
  return new Date(ms).toISOString();
}

/** "2026-07-15" (a local date) → "15/07/2026". */
export function viDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local date inside a sentence: "15/07/2026" (vi), "15 Jul 2026" (en) — never the ISO form. */
export function localDateText(localDate: string, lang: Lang): string {
  if (lang === 'vi') return viDate(localDate);
  const [y, m, d] = localDate.split('-');
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-07-15" → "15 tháng 7 năm 2026" (the wording of an administrative document's date line). */
export function viDateWords(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${Number(d)} tháng ${Number(m)} năm ${y}`;
}

/** An instant as "08:30 ngày 15/07/2026", Vietnam time. */
export function viDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ngày ${viDate(local.slice(0, 10))}`;
}
