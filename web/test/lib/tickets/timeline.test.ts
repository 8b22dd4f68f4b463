import type { TicketStep } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { ticket } from '../../support/ticket-fixtures';
import { cleanText } from '../../../src/lib/tickets/text';
import { timeline } from '../../../src/lib/tickets/timeline';

const cc = { id: 'u-cc.giamsat', name: 'Trần Thị Giám Sát', role: 'cc_monitoring' };
const coord = { id: 'u-cc.dieuphoi', name: 'Lê Văn Điều Phối', role: 'cc_coordination' };
const hanoi = { id: 'u-hanoi.kythuat', name: 'Nguyễn Văn Hà', role: 'unit_focal' };
const step = (
  at: string,
  type: string,
  actor: TicketStep['actor'],
  status: TicketStep['status'],
  over: Partial<TicketStep> = {},
): TicketStep => ({ at: `2026-11-23T${at}:00.000Z`, type, actor, status, note: null, assignee: null, ...over });

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
        step('09:05', 'assigned', coord, 'assigned', { assignee: { kind: 'vendor', code: 'VNPT' } }),
        step('09:07', 'assigned', coord, 'assigned', { assignee: { kind: 'unit', code: '01' } }),
        step('09:10', 'acknowledged', hanoi, 'acknowledged'),
        step('09:20', 'commented', hanoi, 'acknowledged', { note: 'Đang kiểm tra\nmáy chủ.' }),
        step('09:25', 'attachment_added', hanoi, 'acknowledged', { note: 'nhat-ky.txt' }),
        step('09:30', 'done_reported', hanoi, 'done', { note: 'Đã sửa cấu hình.' }),
        step('09:40', 'reopened', cc, 'in_progress', { note: 'Chưa ổn.' }),
        step('09:50', 'done_reported', hanoi, 'done', { note: 'Đã khởi động lại.\nỔn định từ 16:40.' }),
      ],
    });
    expect(timeline(t, 'vi').map((e) => [e.type, e.by, e.status, e.text])).toEqual([
      ['created', cc.name, 'created', t.title],
      // Each assignment names its own party, not only the latest.
      ['assigned', coord.name, 'assigned', 'Tập đoàn Bưu chính Viễn thông Việt Nam'],
      ['assigned', coord.name, 'assigned', 'Hà Nội'],
      ['acknowledged', hanoi.name, 'acknowledged', null],
      ['commented', hanoi.name, 'acknowledged', 'Đang kiểm tra\nmáy chủ.'],
      ['attachment_added', hanoi.name, 'acknowledged', 'nhat-ky.txt'],
      // The first, rejected report stays on its step although the ticket holds only the latest.
      ['done_reported', hanoi.name, 'done', 'Đã sửa cấu hình.'],
      ['reopened', cc.name, 'in_progress', 'Chưa ổn.'],
      ['done_reported', hanoi.name, 'done', 'Đã khởi động lại.\nỔn định từ 16:40.'],
    ]);
    expect(timeline(t, 'en')[2]?.text).toBe('Hanoi');
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
