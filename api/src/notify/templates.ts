import type { Preferences } from '@kh02/schemas';
import type { PlannedNotification } from './outbox-state.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain and HTML bodies: Vietnamese first, English second, the deep link in both. */
export function emailBodies(n: PlannedNotification): { text: string; html: string } {
  const text = [
    n.body.vi,
    '',
    `Mở phiếu: ${n.link}`,
    '',
    '— English —',
    n.title.en,
    n.body.en,
    `Open: ${n.link}`,
    '',
    'Thư tự động từ Trung tâm Chỉ huy KH02; hồ sơ xử lý nằm trên phiếu, không trả lời thư này.',
  ].join('\n');
  const para = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const link = escapeHtml(n.link);
  const html = [
    '<!doctype html><html lang="vi"><body>',
    `<h1 style="font-size:18px">${escapeHtml(n.title.vi)}</h1>`,
    para(n.body.vi),
    `<p><a href="${link}">Mở phiếu ${escapeHtml(n.ticket_id ?? '')}</a></p>`,
    `<hr><div lang="en"><p><strong>${escapeHtml(n.title.en)}</strong></p>${para(n.body.en)}<p><a href="${link}">Open</a></p></div>`,
    '<p style="color:#555">Thư tự động từ Trung tâm Chỉ huy KH02; hồ sơ xử lý nằm trên phiếu.</p>',
    '</body></html>',
  ].join('');
  return { text, html };
}

const VN_OFFSET_MS = 7 * 3_600_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a non-P1 message may go out to this person: now, or the end of their
 * quiet hours (local time, Asia/Ho_Chi_Minh; a window may wrap past midnight).
 * P1 always goes out at once.
 */
export function notBefore(prefs: Preferences, priority: string, now: number): number {
  if (priority === 'P1' || !prefs.quiet_from || !prefs.quiet_to) return now;
  const from = minutes(prefs.quiet_from);
  const to = minutes(prefs.quiet_to);
  if (from === to) return now;
  const local = now + VN_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const m = Math.floor((local - dayStart) / 60_000);
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (!inside) return now;
  // The end is today at `to`, or tomorrow when the window wrapped and it is still evening.
  const endLocal = dayStart + to * 60_000 + (from > to && m >= from ? 86_400_000 : 0);
  return endLocal - VN_OFFSET_MS;
}
