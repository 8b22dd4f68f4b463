/** Number formatting for bilingual reason messages: Vietnamese uses a decimal comma. */
export function fmtNumber(value: number, digits: number, lang: 'vi' | 'en'): string {
  const s = value.toFixed(digits);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

export function fmtRatio(value: number, lang: 'vi' | 'en'): string {
  return `${fmtNumber(value * 100, 1, lang)} %`;
}

export function fmtPct(value: number, lang: 'vi' | 'en'): string {
  return `${fmtNumber(value, 1, lang)} %`;
}

/** HH:MM in Vietnam time. */
export function fmtLocalTime(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);
}

export function fmtMinutes(ms: number, lang: 'vi' | 'en'): string {
  const m = Math.round(ms / 60_000);
  return lang === 'vi' ? `${m} phút` : `${m} min`;
}
