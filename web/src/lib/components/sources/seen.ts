/* "07:12 · 18 phút trước": when a source was last heard from, and how long ago. */
import { formatElapsed, formatSince, type Lang } from '@kh02/schemas';
import { MESSAGES } from '$lib/i18n/messages';

export function lastSeen(at: string | null, now: number, lang: Lang): string {
  const m = MESSAGES[lang].sources;
  if (!at) return m.never;
  const ms = Date.parse(at);
  return `${formatSince(at, now)} · ${m.ago(formatElapsed(Math.max(0, now - ms), lang))}`;
}
