import { installErrorHandlers } from '@kh02/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer } from './pdf-renderer.js';
import { ReportEnvelopeSchema, type ReportEnvelope, type ReportKind } from '@kh02/schemas';
import type { ReportLookup } from './report-service.js';
import { registerReportRoutes } from './routes.js';
import { silentLogger } from './testing/report-fixtures.js';
import { pdfPageCount, pdfText } from './testing/pdf-text.js';
import { sampleReport } from './testing/sample-report.js';

/** Answers like ReportService: frozen for 15 July, provisional for 16 July, nothing else. */
const reports = {
  calls: [] as string[],
  get(kind: ReportKind, date: string): Promise<ReportLookup> {
    this.calls.push(`${kind}:${date}`);
    const frozen: ReportEnvelope = {
      status: 'frozen',
      frozen_at: '2026-07-15T01:31:00.000Z',
      body_sha256: 'c0ffee'.repeat(10) + 'abcd',
      report: sampleReport('2026-07-15'),
    };
    if (date === '2026-07-15') return Promise.resolve({ found: true, envelope: frozen });
    if (date === '2026-07-16') {
      const envelope: ReportEnvelope = {
        status: 'provisional',
        frozen_at: null,
        body_sha256: null,
        report: sampleReport('2026-07-16'),
      };
      return Promise.resolve({ found: true, envelope });
    }
    return Promise.resolve({ found: false });
  },
  list: () => Promise.resolve([]),
};

const renderer = new ChromiumPdfRenderer({ logger: silentLogger });
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  installErrorHandlers(app);
  registerReportRoutes(app, { reports, pdf: renderer });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await renderer.close();
});

describe('report routes', () => {
  it('serves the frozen report as JSON with immutable caching', async () => {
    const res = await app.inject('/api/v1/reports/daily/2026-07-15');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-report-status']).toBe('frozen');
    const body = res.json<ReportEnvelope>();
    expect(body.report.provinces).toHaveLength(34);
    // The wire contract the wall parses with (a drift fails here and in the browser as BAD_RESPONSE).
    expect(ReportEnvelopeSchema.safeParse(body).error).toBeUndefined();
  });

  it('exports CSV for every scope by default and one province on request', async () => {
    const all = await app.inject('/api/v1/reports/daily/2026-07-15?format=csv');
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe('attachment; filename="bao-cao-ngay-2026-07-15-all.csv"');
    expect(all.body.split('\r\n').filter((l) => l.includes(',Tổng hồ sơ tiếp nhận,'))).toHaveLength(35);
    const hn = await app.inject('/api/v1/reports/daily/2026-07-15?format=csv&scope=01');
    expect(hn.body.split('\r\n').filter((l) => l.includes(',Tổng hồ sơ tiếp nhận,'))).toHaveLength(1);
    expect(hn.body).toContain(',Hà Nội,01,');
  });

  it('marks provisional reports as not cacheable', async () => {
    const res = await app.inject('/api/v1/reports/daily/2026-07-16?format=html&scope=01');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('BẢN TẠM TÍNH');
    const csv = await app.inject('/api/v1/reports/daily/2026-07-16?format=csv&scope=VN');
    expect(csv.headers['content-disposition']).toContain('-tam-tinh.csv');
  });

  it('rejects bad input and unknown reports with the standard error body', async () => {
    const bad = await app.inject('/api/v1/reports/monthly/2026-07-15');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
    expect((await app.inject('/api/v1/reports/daily/15-07-2026')).statusCode).toBe(400);
    expect((await app.inject('/api/v1/reports/weekly/2026-07-16')).statusCode).toBe(400);
    expect((await app.inject('/api/v1/reports/daily/2026-07-15?format=xlsx')).statusCode).toBe(400);
    expect((await app.inject('/api/v1/reports/daily/2026-07-15?format=pdf&scope=99')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/reports/daily/2031-01-01')).statusCode).toBe(404);
  });

  it('renders a Vietnamese PDF through the real Chromium', async () => {
    const res = await app.inject('/api/v1/reports/daily/2026-07-15?format=pdf&scope=01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-ngay-2026-07-15-01.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const phrase of [
      'BÁO CÁO NHANH TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH 02',
      '(Ngày 15 tháng 7 năm 2026 - Tỉnh/Thành phố: Hà Nội)',
      'Tỷ lệ hồ sơ trực tuyến',
      '82,33%',
      'Chứng thực bản sao từ bản chính (2.000815)',
      'Các vấn đề nổi cộm cần xin ý kiến chỉ đạo',
      'Trang1/1',
    ]) {
      expect(text).toContain(phrase.replace(/\s+/g, ''));
    }
  });

  it('puts each scope on its own page', async () => {
    const res = await app.inject('/api/v1/reports/daily/2026-07-15?format=pdf&scope=all');
    expect(pdfPageCount(res.rawPayload)).toBeGreaterThanOrEqual(35);
    expect(pdfText(res.rawPayload).replace(/\s+/g, '')).toContain('Tỉnh/Thànhphố:CàMau');
  });
});
