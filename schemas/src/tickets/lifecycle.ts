import { bilingual, type BilingualText } from '../i18n.js';
import { TICKET_STATUS_LABELS, type TicketStatus } from './model.js';

export type TicketAction =
  | 'assign'
  | 'assign_person'
  | 'acknowledge'
  | 'start'
  | 'report_done'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'comment'
  | 'attach';

const OPEN: TicketStatus[] = ['created', 'assigned', 'acknowledged', 'in_progress'];
const LIVE: TicketStatus[] = [...OPEN, 'done'];

/**
 * The only allowed moves (seed-digest §5.4): created → assigned →
 * acknowledged ("Đã tiếp nhận") → in progress → done (by the assignee) →
 * closed (by the Command Center after verifying with the reporter). A failed
 * verification reopens; a duplicate or invalid ticket is cancelled.
 */
export const TRANSITIONS: Record<TicketAction, { from: TicketStatus[]; to: TicketStatus | 'same' }> = {
  assign: { from: OPEN, to: 'assigned' },
  // Handing a routed ticket to one member of the assignee party changes who works on it, not its status.
  assign_person: { from: ['assigned', 'acknowledged', 'in_progress'], to: 'same' },
  acknowledge: { from: ['assigned'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in_progress' },
  report_done: { from: ['in_progress'], to: 'done' },
  close: { from: ['done'], to: 'closed' },
  reopen: { from: ['done'], to: 'in_progress' },
  cancel: { from: OPEN, to: 'cancelled' },
  comment: { from: LIVE, to: 'same' },
  attach: { from: LIVE, to: 'same' },
};

export const ACTION_LABELS: Record<TicketAction, BilingualText> = {
  assign: bilingual('giao', 'assign'),
  assign_person: bilingual('giao cho thành viên', 'hand to a member'),
  acknowledge: bilingual('xác nhận tiếp nhận', 'acknowledge'),
  start: bilingual('bắt đầu xử lý', 'start'),
  report_done: bilingual('báo cáo hoàn thành', 'report done'),
  close: bilingual('xác minh và đóng', 'verify and close'),
  reopen: bilingual('mở lại', 'reopen'),
  cancel: bilingual('hủy', 'cancel'),
  comment: bilingual('bình luận', 'comment on'),
  attach: bilingual('đính kèm tệp vào', 'attach a file to'),
};

export function isOpen(status: TicketStatus): boolean {
  return OPEN.includes(status) || status === 'done';
}

/** The status after `action`, or a bilingual explanation of why it is not allowed now. */
export function nextStatus(
  current: TicketStatus,
  action: TicketAction,
): { ok: true; status: TicketStatus } | { ok: false; message: BilingualText } {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    const label = TICKET_STATUS_LABELS[current];
    const allowed = rule.from.map((s) => TICKET_STATUS_LABELS[s]);
    return {
      ok: false,
      message: bilingual(
        `Không thể ${ACTION_LABELS[action].vi} phiếu đang ở trạng thái "${label.vi}" (chỉ được khi: ${allowed.map((a) => a.vi).join(', ')}).`,
        `Cannot ${ACTION_LABELS[action].en} a ticket that is "${label.en}" (only when: ${allowed.map((a) => a.en).join(', ')}).`,
      ),
    };
  }
  return { ok: true, status: rule.to === 'same' ? current : rule.to };
}
