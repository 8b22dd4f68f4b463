/* How long a tile has had its colour, in a few words for the wall ("đỏ 12 phút"). */
import type { Lang, UnitStatus } from '@kh02/schemas';

/**
 * The colour as one short word. A no-report tile already says "Chưa báo cáo" on its state line, so it
 * gets "đã" ("for") instead of repeating it.
 */
const COLOUR_WORD: Record<Lang, Record<UnitStatus, string>> = {
  vi: { green: 'xanh', yellow: 'vàng', red: 'đỏ', noreport: 'đã', stale: 'dữ liệu cũ' },
  en: { green: 'green', yellow: 'yellow', red: 'red', noreport: 'for', stale: 'stale' },
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "12 phút", "2 giờ 5 phút", "3 ngày" (coarser as it grows: nobody reads minutes of a three-day red). */
export function compactDuration(ms: number, lang: Lang): string {
  const u =
    lang === 'vi'
      ? { min: 'phút', hour: 'giờ', day: 'ngày', under: '< 1 phút' }
      : { min: 'min', hour: 'h', day: 'd', under: '< 1 min' };
  if (ms < MIN) return u.under;
  if (ms < HOUR) return `${Math.floor(ms / MIN)} ${u.min}`;
  if (ms < 10 * HOUR) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MIN);
    return m > 0 ? `${h} ${u.hour} ${m} ${u.min}` : `${h} ${u.hour}`;
  }
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} ${u.hour}`;
  return `${Math.floor(ms / DAY)} ${u.day}`;
}

/** "đỏ 12 phút", or null when it is unknown (no since, a clock behind the change, or stale data). */
export function timeInState(status: UnitStatus, since: string | null, nowMs: number, lang: Lang): string | null {
  if (!since || status === 'stale') return null;
  const ms = nowMs - Date.parse(since);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return `${COLOUR_WORD[lang][status]} ${compactDuration(ms, lang)}`;
}

/** The full sentence for screen readers and the tooltip. */
export function timeInStateLabel(text: string, lang: Lang): string {
  return lang === 'vi' ? `Giữ trạng thái này: ${text}` : `In this state: ${text}`;
}
