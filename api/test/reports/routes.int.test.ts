import { installErrorHandlers } from '@kh02/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer } from '../../src/reports/pdf-renderer.js';
import { ReportEnvelopeSchema, type ReportEnvelope, type ReportKind } from '@kh02/schemas';
import type { ReportLookup } from '../../src/reports/report-service.js';
import { registerReportRoutes } from '../../src/reports/routes.js';
import { silentLogger } from '../support/reports/report-fixtures.js';
import { pdfPageCount, pdfText } from '../support/reports/pdf-text.js';
import { sampleReport } from '../support/reports/sample-report.js';
import { accountsFixture } from '../support/accounts-fixture.js';

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
let people: Awaited<ReturnType<typeof accountsFixture>>;
beforeAll(async () => {
  people = await accountsFixture();
  app = Fastify();
  installErrorHandlers(app);
  registerReportRoutes(app, { reports, pdf: renderer, accounts: people.accounts, exportAudit: people.exportAudit });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await renderer.close();
  await people.close();
});

/** GET as one of the fixture's people (the analyst unless told). */
const get = (url: string, who: keyof typeof people.tokens = 'analyst') =>
  app.inject({ url, headers: { authorization: `Bearer ${people.tokens[who]}` } });

describe('report routes', () => {
  it('serves the frozen report as JSON, private to the browser (revalidated by ETag, never in a shared cache)', async () => {
    const res = await get('/api/v1/reports/daily/2026-07-15');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.etag).toMatch(/^"c0ffee/);
    expect(res.headers['x-report-status']).toBe('frozen');
    const body = res.json<ReportEnvelope>();
    expect(body.report.provinces).toHaveLength(34);
    // The wire contract the wall parses with (a drift fails here and in the browser as BAD_RESPONSE).
    expect(ReportEnvelopeSchema.safeParse(body).error).toBeUndefined();
  });

  it('exports CSV for every scope by default and one province on request', async () => {
    const all = await get('/api/v1/reports/daily/2026-07-15?format=csv');
    expect(all.headers['cache-control']).toBe('private, no-store');
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe('attachment; filename="bao-cao-ngay-2026-07-15-all.csv"');
    expect(all.body.split('\r\n').filter((l) => l.includes(',Tổng hồ sơ tiếp nhận,'))).toHaveLength(35);
    const hn = await get('/api/v1/reports/daily/2026-07-15?format=csv&scope=01');
    expect(hn.body.split('\r\n').filter((l) => l.includes(',Tổng hồ sơ tiếp nhận,'))).toHaveLength(1);
    expect(hn.body).toContain(',Hà Nội,01,');
  });

  it('marks provisional reports as not cacheable', async () => {
    const res = await get('/api/v1/reports/daily/2026-07-16?format=html&scope=01');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('BẢN TẠM TÍNH');
    const csv = await get('/api/v1/reports/daily/2026-07-16?format=csv&scope=VN');
    expect(csv.headers['content-disposition']).toContain('-tam-tinh.csv');
  });

  it('rejects bad input and unknown reports with the standard error body', async () => {
    const bad = await get('/api/v1/reports/monthly/2026-07-15');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
    expect((await get('/api/v1/reports/daily/15-07-2026')).statusCode).toBe(400);
    expect((await get('/api/v1/reports/weekly/2026-07-16')).statusCode).toBe(400);
    expect((await get('/api/v1/reports/daily/2026-07-15?format=xlsx')).statusCode).toBe(400);
    expect((await get('/api/v1/reports/daily/2026-07-15?format=pdf&scope=99')).statusCode).toBe(404);
    expect((await get('/api/v1/reports/daily/2031-01-01')).statusCode).toBe(404);
  });

  it('renders a Vietnamese PDF through the real Chromium', async () => {
    const res = await get('/api/v1/reports/daily/2026-07-15?format=pdf&scope=01');
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
      'BảntảixuốngcủaNhómPhântích(cc.phantich)',
    ]) {
      expect(text).toContain(phrase.replace(/\s+/g, ''));
    }
  });

  it('puts each scope on its own page', async () => {
    const res = await get('/api/v1/reports/daily/2026-07-15?format=pdf&scope=all');
    expect(pdfPageCount(res.rawPayload)).toBeGreaterThanOrEqual(35);
    expect(pdfText(res.rawPayload).replace(/\s+/g, '')).toContain('Tỉnh/Thànhphố:CàMau');
  });

  it('needs a session for every report route', async () => {
    for (const url of [
      '/api/v1/reports',
      '/api/v1/reports/daily/2026-07-15',
      '/api/v1/reports/daily/2026-07-15?format=csv',
    ])
      expect((await app.inject(url)).statusCode).toBe(401);
  });

  it('refuses exports and reports to the wall display and vendor accounts', async () => {
    for (const who of ['display', 'vendor'] as const) {
      for (const q of ['', '?format=csv', '?format=csv&scope=VN', '?format=pdf', '?format=html'])
        expect((await get(`/api/v1/reports/daily/2026-07-15${q}`, who)).statusCode).toBe(403);
      expect((await get('/api/v1/reports', who)).statusCode).toBe(403);
    }
  });

  it("lets a province's focal point export its own province only", async () => {
    expect((await get('/api/v1/reports/daily/2026-07-15?format=csv&scope=01', 'hanoi')).statusCode).toBe(200);
    for (const scope of ['VN', 'all', '79'])
      expect((await get(`/api/v1/reports/daily/2026-07-15?format=csv&scope=${scope}`, 'hanoi')).statusCode).toBe(403);
    expect((await get('/api/v1/reports/daily/2026-07-15', 'hanoi')).statusCode).toBe(200);
  });

  it('writes every download to the audit trail and stamps the file with the same person and time', async () => {
    const before = people.exports.length;
    const res = await get('/api/v1/reports/daily/2026-07-15?format=csv&scope=79', 'group');
    expect(res.statusCode).toBe(200);
    const events = people.exports.slice(before);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e?.entity_id).toBe('report:daily:2026-07-15');
    expect(e?.actor.name).toBe('Trưởng Nhóm 3');
    expect(e?.data).toMatchObject({ format: 'csv', scope: '79', username: 'nhom3.truong' });
    const firstLine = res.body.replace('\uFEFF', '').split('\r\n')[0] ?? '';
    expect(firstLine).toContain('Bản tải xuống của Trưởng Nhóm 3 (nhom3.truong)');
    // A refused download leaves no audit entry and no file.
    const refused = await get('/api/v1/reports/daily/2026-07-15?format=csv', 'display');
    expect(refused.statusCode).toBe(403);
    expect(people.exports.length).toBe(before + 1);
  });
});
