import { describe, expect, it } from 'vitest';
import { NBSP } from '@kh02/schemas';
import { reason } from '../../support/fixtures';
import { causes, prefillTicket } from '../../../src/lib/tickets/prefill';

// 09:58Z = 16:58 in Hà Nội.
const NOW = Date.parse('2026-11-23T09:58:00Z');

const systemDown = reason({
  indicator: 'system_status',
  status: 'red',
  value: null,
  threshold: null,
  comparator: null,
  unit: null,
  since: '2026-11-23T09:40:00Z',
  source: { code: 'hn-tthc', name: 'Hệ thống thông tin giải quyết TTHC thành phố Hà Nội', kind: 'system' },
  message: {
    vi: 'Hệ thống thông tin giải quyết TTHC thành phố Hà Nội: Tải CPU trung bình 99,0 %, vượt ngưỡng 95,0 %.',
    en: 'CPU high',
  },
});
const lowOnline = reason({ status: 'yellow', since: '2026-11-23T08:00:00Z' });
const openTicket = reason({
  indicator: 'open_ticket',
  status: 'red',
  value: null,
  source: { code: 'PGV-1', name: 'cũ', kind: 'ticket' },
});

describe('prefillTicket (open a ticket from a red tile)', () => {
  it('takes the title, system, type, priority and topic from the top reason of a red province', () => {
    const t = prefillTicket(
      { unitCode: '01', unitName: 'Hà Nội', status: 'red', reasons: [lowOnline, openTicket, systemDown] },
      NOW,
    );
    expect(t.title).toBe(
      'Hà Nội: Hệ thống thông tin giải quyết TTHC thành phố Hà Nội: Tải CPU trung bình 99,0 %, vượt ngưỡng 95,0 %',
    );
    expect(t).toMatchObject({
      unit_code: '01',
      system_id: 'hn-tthc',
      issue_type: 1,
      priority: 'P1',
      topic: 'infrastructure',
      source: 'wall',
    });
    // One line per fact and per cause (the api keeps line breaks); the ticket's own reason is not a cause.
    expect(t.description.split('\n')).toEqual([
      'Mở từ tường điều hành lúc 16:58 ngày 23/11/2026.',
      'Trạng thái: Khẩn cấp.',
      'Nguyên nhân:',
      '1) Hệ thống thông tin giải quyết TTHC thành phố Hà Nội: Tải CPU trung bình 99,0 %, vượt ngưỡng 95,0 %',
      `2) Tỷ lệ hồ sơ trực tuyến: 79,5${NBSP}% (ngưỡng <${NBSP}80${NBSP}%)`,
    ]);
    expect(t.description).not.toContain('PGV-1');
  });

  it('opens a process issue (type 2, P2) for a red dossier indicator, and P3 for a yellow one', () => {
    const red = prefillTicket(
      { unitCode: '79', unitName: 'TP. Hồ Chí Minh', status: 'red', reasons: [reason({ status: 'red' })] },
      NOW,
    );
    expect(red).toMatchObject({ issue_type: 2, priority: 'P2', topic: 'online_services' });
    expect(red.system_id).toBeUndefined();
    expect(red.title).toBe(`TP. Hồ Chí Minh: Tỷ lệ hồ sơ trực tuyến: 79,5${NBSP}% (ngưỡng <${NBSP}80${NBSP}%)`);
    const yellow = prefillTicket(
      { unitCode: '79', unitName: 'TP. Hồ Chí Minh', status: 'yellow', reasons: [lowOnline] },
      NOW,
    );
    expect(yellow.priority).toBe('P3');
  });

  it('on a system page, names the system and always files a technical issue', () => {
    const t = prefillTicket(
      {
        unitCode: 'BCA',
        unitName: 'Bộ Công an',
        status: 'red',
        reasons: [
          reason({
            indicator: 'security_alert',
            status: 'red',
            value: null,
            message: { vi: 'Truy cập trái phép.', en: 'x' },
          }),
        ],
        system: { id: 'bca-dvc', name: 'Cổng dịch vụ công Bộ Công an' },
      },
      NOW,
    );
    expect(t).toMatchObject({ system_id: 'bca-dvc', issue_type: 1, priority: 'P1', topic: 'security' });
    expect(t.title).toBe('Bộ Công an — Cổng dịch vụ công Bộ Công an: Truy cập trái phép');
  });

  it('keeps to the api limits', () => {
    const long = reason({ value: null, message: { vi: 'x'.repeat(400), en: 'x' } });
    const t = prefillTicket({ unitCode: '01', unitName: 'Hà Nội', status: 'red', reasons: [long] }, NOW);
    expect(t.title.length).toBeLessThanOrEqual(200);
    expect(causes([openTicket])).toEqual([]);
    expect(prefillTicket({ unitCode: '01', unitName: 'Hà Nội', status: 'yellow', reasons: [] }, NOW).description).toBe(
      'Mở từ tường điều hành lúc 16:58 ngày 23/11/2026.\nTrạng thái: Cảnh báo.\nChưa có nguyên nhân tự động.',
    );
  });
});
