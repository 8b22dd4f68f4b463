import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NBSP } from '@kh02/schemas';
import { report } from '../../support/report-fixtures';
import ReportTable from '$lib/components/reports/ReportTable.svelte';
import { lastFriday, reportDateOptions } from '../../../src/lib/reports/report-dates';
import { countChange, cutoffLine, pointsChange, reportPct, reportRows } from '../../../src/lib/reports/report-rows';

describe('Phụ lục VII rows in Vietnamese', () => {
  const r = report();
  const rows = reportRows(r, r.national, 'vi');
  const find = (name: string) => rows.find((x) => x.indicator === name);

  it('writes counts with "." thousands and changes in words, as the PDF does', () => {
    expect(find('Tổng hồ sơ tiếp nhận')).toMatchObject({
      period: '12.345',
      cumulative: '1.234.567',
      change: 'tăng 1.234',
      note: 'Đơn vị cấp xã đã báo cáo: 3.310/3.321',
    });
    expect(find('Đăng ký khai sinh (1.001)')).toMatchObject({ period: '1.200', change: 'giảm 50' });
    expect(find('Số sự cố đã được xử lý')?.change).toBe('không đổi');
  });

  it('writes rates with two decimals, the change in points, and the verdict against the target', () => {
    const online = find('Tỷ lệ hồ sơ trực tuyến')!;
    expect(online.period).toBe(`82,35${NBSP}%`);
    expect(online.change).toBe('tăng 1,35 điểm %');
    expect(online.note).toBe(`Mục tiêu > 80${NBSP}%; Đạt (10.166/12.345 hồ sơ)`);
    expect(online.meets).toBe(true);
    const onTime = find('Tỷ lệ hồ sơ đúng hạn')!;
    expect(onTime.period).toBe(`99,50${NBSP}%`);
    expect(onTime.note).toBe(`Mục tiêu > 99${NBSP}%; Chưa đạt (11.940/12.000 hồ sơ)`);
  });

  it('lists hot issues with when they turned red (Vietnam time) and their reasons', () => {
    expect(find('Hà Nội')?.note).toBe('Khẩn cấp từ 09:05 ngày 22/11/2026; Tỷ lệ hồ sơ trực tuyến 61,0% (ngưỡng < 80%)');
    expect(rows.filter((x) => x.kind === 'section').map((x) => x.indicator)).toEqual([
      '1. Tình hình hồ sơ',
      '2. TTHC trọng yếu (Top 5)',
      '3. Tình hình sự cố',
      '4. Các vấn đề nổi cộm cần xin ý kiến chỉ đạo',
    ]);
    const hcm = reportRows(r, r.provinces[1]!, 'vi');
    expect(hcm.at(-1)?.indicator).toBe('Không có đơn vị ở trạng thái khẩn cấp');
  });

  it('says which day the figures are and when they were frozen', () => {
    expect(cutoffLine(r, 'frozen', 'vi')).toBe(
      'Số liệu ngày 22/11/2026, chốt lúc 08:30 ngày 23/11/2026; lũy kế từ ngày 01/07/2025.',
    );
    expect(cutoffLine({ ...r, data_as_of: '2026-11-23T01:00:00Z' }, 'provisional', 'vi')).toContain(
      'tính đến 08:00 ngày 23/11/2026',
    );
  });

  it('formats the edge cases like the api (rounding halves away, no "-0", no change)', () => {
    expect(reportPct(0.82345, 'vi')).toBe(`82,35${NBSP}%`);
    expect(reportPct(null, 'vi')).toBe('—');
    expect(pointsChange(-0.001, 'vi')).toBe('không đổi');
    expect(pointsChange(-0.39, 'en')).toBe('down 0.39 pp');
    expect(countChange(-3, 'vi')).toBe('giảm 3');
  });

  it('renders the five-column table with the verdict as an icon and words', () => {
    render(ReportTable, { report: r, scope: r.national, lang: 'vi' });
    const table = screen.getByTestId('report-table');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Chỉ tiêu', 'Số liệu trong ngày', 'Lũy kế', 'So với ngày hôm trước', 'Ghi chú']);
    expect(table.querySelector('td.below [data-icon="cross"]')).not.toBeNull();
    expect(table.textContent).toContain('Chưa đạt');
  });
});

describe('report dates', () => {
  // Monday 23/11/2026 18:58 in Hà Nội.
  const NOW = Date.parse('2026-11-23T11:58:00Z');

  it('offers tomorrow (today so far, provisional), today, then earlier days', () => {
    const [tomorrow, today, yesterday] = reportDateOptions('daily', NOW, 2);
    expect(tomorrow).toEqual({ date: '2026-11-24', from: '2026-11-23', to: '2026-11-23', ahead: true });
    expect(today).toEqual({ date: '2026-11-23', from: '2026-11-22', to: '2026-11-22', ahead: false });
    expect(yesterday?.date).toBe('2026-11-22');
    expect(reportDateOptions('daily', NOW, 2)).toHaveLength(4);
  });

  it('offers this week’s Friday (provisional) and the Fridays before, each with its seven days', () => {
    const [next, last] = reportDateOptions('weekly', NOW, 3);
    expect(next).toEqual({ date: '2026-11-27', from: '2026-11-20', to: '2026-11-26', ahead: true });
    expect(last).toEqual({ date: '2026-11-20', from: '2026-11-13', to: '2026-11-19', ahead: false });
    // On a Friday itself, that Friday comes first, provisional until 14:00.
    expect(reportDateOptions('weekly', Date.parse('2026-11-27T03:00:00Z'), 1)[0]).toMatchObject({
      date: '2026-11-27',
      ahead: true,
    });
    expect(reportDateOptions('weekly', Date.parse('2026-11-27T08:00:00Z'), 1)[0]?.ahead).toBe(false);
    // Before 08:30 today's daily report is still provisional too.
    expect(reportDateOptions('daily', Date.parse('2026-11-23T01:00:00Z'), 1)[1]?.ahead).toBe(true);
  });

  it('finds the latest Friday in Vietnam time', () => {
    // Monday 23/11 01:00 in Hà Nội is still Sunday 22/11 in UTC.
    expect(lastFriday(Date.parse('2026-11-22T18:00:00Z'))).toBe('2026-11-20');
    expect(lastFriday(Date.parse('2026-11-27T03:00:00Z'))).toBe('2026-11-27');
  });
});
