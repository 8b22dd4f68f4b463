import { describe, expect, it } from 'vitest';
import { csvCell, reportCsv, scopesOf } from '../../src/reports/csv-export.js';
import { viDate, viDateTime } from '@kh02/schemas';
import { viDecimal, viInteger, viPercent, viChange, viChangePoints } from '../../src/reports/report-wording.js';
import { reportHtml } from '../../src/reports/html-template.js';
import { ReportSchema, type Report } from '@kh02/schemas';
import { meetsTarget } from '../../src/reports/report-parts.js';
import { sampleReport } from '../support/reports/sample-report.js';

describe('Vietnamese formatting', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(viInteger(1_234_567)).toBe('1.234.567');
    expect(viInteger(-1234)).toBe('-1.234');
    expect(viDecimal(1234.5, 2)).toBe('1.234,50');
    expect(viDecimal(-0.001, 2)).toBe('0,00');
    expect(viPercent(0.82345)).toBe('82,35%');
    expect(viPercent(null)).toBe('—');
    expect(viChange(1234)).toBe('tăng 1.234');
    expect(viChange(-3)).toBe('giảm 3');
    expect(viChange(0)).toBe('không đổi');
    expect(viChangePoints(-1.4773)).toBe('giảm 1,48 điểm %');
    expect(viChangePoints(0.001)).toBe('không đổi');
    expect(viChangePoints(null)).toBe('—');
  });

  it('writes dates as dd/mm/yyyy and times in Vietnam time', () => {
    expect(viDate('2026-07-05')).toBe('05/07/2026');
    expect(viDateTime('2026-07-14T17:30:00Z')).toBe('00:30 ngày 15/07/2026');
  });

  it('applies the configurable target comparator', () => {
    expect(meetsTarget(0.8, { comparator: '>', value: 0.8 })).toBe(false);
    expect(meetsTarget(0.8, { comparator: '>=', value: 0.8 })).toBe(true);
    expect(meetsTarget(null, { comparator: '>', value: 0.8 })).toBeNull();
  });
});

describe('CSV export', () => {
  it('follows the Phụ lục VII rows with RFC 4180 quoting, CRLF and a UTF-8 BOM', () => {
    const report = sampleReport();
    const csv = reportCsv(report, 'frozen', scopesOf(report, '01') ?? []);
    expect(
      csv.startsWith('\uFEFFLoại báo cáo,Ngày báo cáo,Số liệu chốt lúc,Trạng thái,Phạm vi,Mã đơn vị,Mục,Chỉ số,'),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Loại báo cáo,Ngày báo cáo,Số liệu chốt lúc,Trạng thái,Phạm vi,Mã đơn vị,Mục,Chỉ số,Số liệu trong ngày,Lũy kế,So với ngày hôm trước,Ghi chú/Đánh giá',
    );
    expect(lines).toContain(
      'Báo cáo ngày,15/07/2026,08:30 ngày 15/07/2026,Đã chốt,Hà Nội,01,1. Tình hình hồ sơ,Tổng hồ sơ tiếp nhận,1.234,2.334,tăng 134,Đơn vị cấp xã đã báo cáo: 3/127',
    );
    // 1016/1234 = 82,33 %, previous 880/1100 = 80 %: +2,33 points; meets "> 80 %". Only cells with commas or quotes are quoted.
    expect(lines).toContain(
      'Báo cáo ngày,15/07/2026,08:30 ngày 15/07/2026,Đã chốt,Hà Nội,01,1. Tình hình hồ sơ,Tỷ lệ hồ sơ trực tuyến,"82,33%","81,23%","tăng 2,33 điểm %",Mục tiêu > 80%; Đạt (1.016/1.234 hồ sơ)',
    );
    expect(lines).toContain(
      'Báo cáo ngày,15/07/2026,08:30 ngày 15/07/2026,Đã chốt,Hà Nội,01,2. TTHC trọng yếu (Top 5),Chứng thực bản sao từ bản chính (2.000815),321,621,tăng 21,',
    );
    expect(lines).toContain(
      'Báo cáo ngày,15/07/2026,08:30 ngày 15/07/2026,Đã chốt,Hà Nội,01,3. Tình hình sự cố,Số sự cố kỹ thuật,0,0,không đổi,Chưa có nguồn dữ liệu phiếu giao việc',
    );
    expect(lines).toContain(
      'Báo cáo ngày,15/07/2026,08:30 ngày 15/07/2026,Đã chốt,Hà Nội,01,4. Các vấn đề nổi cộm cần xin ý kiến chỉ đạo,Hà Nội,,,,"Khẩn cấp từ 14:00 ngày 14/07/2026; Tỷ lệ trực tuyến 50 % < 80 % ""thấp"""',
    );
  });

  it('is a pure function of the stored JSON: a snapshot round trip exports the same bytes', () => {
    const report = sampleReport();
    const restored = ReportSchema.parse(JSON.parse(JSON.stringify(report)));
    const all = (r: Report) => reportCsv(r, 'frozen', scopesOf(r, 'all') ?? []);
    expect(all(restored)).toBe(all(report));
    // 35 scopes × (3 dossier rows + at least 1 procedure row + 3 incident rows + at least 1 issue row) + header.
    expect(all(report).split('\r\n').length).toBeGreaterThanOrEqual(35 * 8 + 1);
  });

  it('quotes only when needed and defuses values a spreadsheet would run as formulas', () => {
    expect(csvCell('Hà Nội')).toBe('Hà Nội');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('marks provisional exports and knows which scopes exist', () => {
    const report = sampleReport();
    expect(reportCsv(report, 'provisional', [report.national])).toContain(',Tạm tính,Toàn quốc,VN,');
    expect(scopesOf(report, '99')).toBeUndefined();
    expect(scopesOf(report, 'VN')).toEqual([report.national]);
  });
});

describe('HTML report', () => {
  it('renders the template in Vietnamese, escaping every value', () => {
    const report = sampleReport();
    const html = reportHtml(report, scopesOf(report, '01') ?? [], {
      status: 'frozen',
      frozenAt: '2026-07-15T01:31:00.000Z',
      sha256: 'ab'.repeat(32),
    });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>BÁO CÁO NHANH TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH 02</h1>');
    expect(html).toContain('(Ngày 15 tháng 7 năm 2026 - Tỉnh/Thành phố: Hà Nội)');
    expect(html).toContain('Số liệu ngày 14/07/2026, chốt lúc 08:30 ngày 15/07/2026; lũy kế từ ngày 01/07/2025.');
    expect(html).toContain('50 % &lt; 80 % &quot;thấp&quot;');
    expect(html).not.toContain('50 % < 80 %');
    expect(html).toContain('mã kiểm tra SHA-256 abababababababab');
  });

  it('labels a provisional weekly report as such', () => {
    const report: Report = { ...sampleReport(), kind: 'weekly', period: { from: '2026-07-10', to: '2026-07-16' } };
    const html = reportHtml(report, [report.national], { status: 'provisional', frozenAt: null, sha256: null });
    expect(html).toContain('BÁO CÁO TUẦN TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH 02');
    expect(html).toContain('(Tuần từ ngày 10/07/2026 đến ngày 16/07/2026 - Toàn quốc)');
    expect(html).toContain('BẢN TẠM TÍNH');
    expect(html).toContain('<th>So với tuần trước</th>');
  });
});
