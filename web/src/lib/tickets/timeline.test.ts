import type { TicketStep } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { ticket } from '$lib/testing/ticket-fixtures';
import { cleanText } from './text';
import { timeline } from './timeline';

const cc = { id: 'u-cc.giamsat', name: 'Trần Thị Giám Sát', role: 'cc_monitoring' };
const coord = { id: 'u-cc.dieuphoi', name: 'Lê Văn Điều Phối', role: 'cc_coordination' };
const hanoi = { id: 'u-hanoi.kythuat', name: 'Nguyễn Văn Hà', role: 'unit_focal' };
const step = (at: string, type: string, actor: TicketStep['actor'], status: TicketStep['status']): TicketStep => ({
  at: `2026-11-23T${at}:00.000Z`,
  type,
  actor,
  status,
});

describe('timeline (the ticket history on the detail page)', () => {
  it('lists every step with who did it and the status it left, with the text written in it', () => {
    const t = ticket({
      status: 'done',
      assignee: { kind: 'unit', code: '01' },
      result_report: 'Đã khởi động lại.\nỔn định từ 16:40.',
      comments: [
        { at: '2026-11-23T09:20:00.000Z', by: hanoi.id, by_name: hanoi.name, text: 'Đang kiểm tra\nmáy chủ.' },
        { at: '2026-11-23T09:40:00.000Z', by: cc.id, by_name: cc.name, text: '[Mở lại / Reopened] Chưa ổn.' },
      ],
      attachments: [
        {
          id: 'a1',
          name: 'nhat-ky.txt',
          content_type: 'text/plain',
          size: 3,
          sha256: 'x',
          added_at: '2026-11-23T09:25:00.000Z',
          added_by: hanoi.id,
        },
      ],
      history: [
        step('09:00', 'created', cc, 'created'),
        step('09:05', 'assigned', coord, 'assigned'),
        step('09:10', 'acknowledged', hanoi, 'acknowledged'),
        step('09:20', 'commented', hanoi, 'acknowledged'),
        step('09:25', 'attachment_added', hanoi, 'acknowledged'),
        step('09:30', 'done_reported', hanoi, 'done'),
        step('09:40', 'reopened', cc, 'in_progress'),
        step('09:50', 'done_reported', hanoi, 'done'),
      ],
    });
    expect(timeline(t, 'vi').map((e) => [e.type, e.by, e.status, e.text])).toEqual([
      ['created', cc.name, 'created', t.title],
      ['assigned', coord.name, 'assigned', 'Hà Nội'],
      ['acknowledged', hanoi.name, 'acknowledged', null],
      ['commented', hanoi.name, 'acknowledged', 'Đang kiểm tra\nmáy chủ.'],
      ['attachment_added', hanoi.name, 'acknowledged', 'nhat-ky.txt'],
      // Only the latest report is on the ticket: it belongs to the last "done" step.
      ['done_reported', hanoi.name, 'done', null],
      ['reopened', cc.name, 'in_progress', '[Mở lại / Reopened] Chưa ổn.'],
      ['done_reported', hanoi.name, 'done', 'Đã khởi động lại.\nỔn định từ 16:40.'],
    ]);
    expect(timeline(t, 'en')[1]?.text).toBe('Hanoi');
  });

  it('keeps step types it has no words for, and a comment no step accounts for, in time order', () => {
    const t = ticket({
      comments: [{ at: '2026-11-23T09:03:00.000Z', by: cc.id, by_name: cc.name, text: 'Ghi chú' }],
      history: [step('09:00', 'created', cc, 'created'), step('09:05', 'priority_changed', coord, 'created')],
    });
    expect(timeline(t, 'vi').map((e) => [e.type, e.by, e.status])).toEqual([
      ['created', cc.name, 'created'],
      ['commented', cc.name, null],
      ['priority_changed', coord.name, 'created'],
    ]);
  });
});

describe('cleanText (what a typed text is sent as)', () => {
  it('keeps line breaks and tabs, drops other control characters and trailing blanks', () => {
    expect(cleanText('  \r\nDòng một  \r\n\t- bước 1\u0000\u000b\rDòng ba\n\n')).toBe('Dòng một\n\t- bước 1\nDòng ba');
    expect(cleanText(' \n\u0007 ')).toBe('');
  });
});
