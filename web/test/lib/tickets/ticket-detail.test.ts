import { describe, expect, it, vi } from 'vitest';
import { RestClient } from '$lib/api/rest';
import { TicketsApi } from '$lib/api/tickets-api';
import { ticket } from '../../support/ticket-fixtures';
import { contentTypeOf, TicketDetail, toBase64 } from '../../../src/lib/tickets/ticket-detail.svelte';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const apiError = (code: string, vi: string) => ({ error: { code, message: { vi, en: vi } } });

function setup(responses: (() => Response | Promise<Response>)[]) {
  const fetchMock = vi.fn<typeof fetch>(() => {
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return Promise.resolve(next());
  });
  const api = new TicketsApi(new RestClient({ token: () => 'session-1', fetch: fetchMock }));
  return { fetchMock, detail: new TicketDetail(api, 'PGV-1') };
}

const headersOf = (call: Parameters<typeof fetch>) => call[1]?.headers as Record<string, string>;

describe('TicketDetail commands', () => {
  it('sends If-Match with the version on screen and a fresh Idempotency-Key per action', async () => {
    const { fetchMock, detail } = setup([
      () => json(200, ticket({ version: 7, status: 'assigned' })),
      () => json(200, ticket({ version: 8, status: 'acknowledged' })),
      () => json(200, ticket({ version: 9, status: 'in_progress' })),
    ]);
    await detail.load();
    expect(await detail.act('acknowledge')).toBe('ok');
    expect(detail.ticket?.status).toBe('acknowledged');
    expect(await detail.act('start')).toBe('ok');
    const [, ack, start] = fetchMock.mock.calls;
    expect(ack?.[0]).toBe('/api/v1/tickets/PGV-1/acknowledge');
    expect(ack?.[1]?.method).toBe('POST');
    expect(headersOf(ack!)['if-match']).toBe('7');
    expect(headersOf(start!)['if-match']).toBe('8');
    expect(headersOf(ack!)['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(headersOf(ack!)['idempotency-key']).not.toBe(headersOf(start!)['idempotency-key']);
    expect(headersOf(ack!).authorization).toBe('Bearer session-1');
  });

  it('retries an action with the same key after a network failure', async () => {
    const { fetchMock, detail } = setup([
      () => json(200, ticket({ status: 'in_progress' })),
      () => Promise.reject(new TypeError('offline')),
      () => json(200, ticket({ status: 'done', version: 4 })),
    ]);
    await detail.load();
    expect(await detail.act('report_done', { result_report: 'Đã khôi phục' })).toBe('failed');
    expect(detail.actionError?.vi).toBe('Không kết nối được máy chủ.');
    expect(await detail.act('report_done', { result_report: 'Đã khôi phục' })).toBe('ok');
    const keys = fetchMock.mock.calls.slice(1).map((c) => headersOf(c)['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    const sent = fetchMock.mock.calls[2]?.[1]?.body;
    expect(JSON.parse(typeof sent === 'string' ? sent : 'null')).toEqual({ result_report: 'Đã khôi phục' });
  });

  it('reloads on 409 CONFLICT and says someone else changed the ticket', async () => {
    const { detail } = setup([
      () => json(200, ticket({ version: 3, status: 'done' })),
      () => json(409, apiError('CONFLICT', 'Phiếu đã bị thay đổi.')),
      () => json(200, ticket({ version: 5, status: 'closed' })),
    ]);
    await detail.load();
    expect(await detail.act('close', { verification_note: 'ok' })).toBe('failed');
    expect(detail.ticket?.status).toBe('closed');
    expect(detail.notice?.vi).toContain('người khác cập nhật');
    expect(detail.actionError).toBeNull();
  });

  it("shows the server's 403 and 409 INVALID_TRANSITION words verbatim", async () => {
    const { detail } = setup([
      () => json(200, ticket({ status: 'assigned' })),
      () => json(403, apiError('FORBIDDEN', 'Chỉ đơn vị được giao mới xác nhận tiếp nhận.')),
      () => json(409, apiError('INVALID_TRANSITION', 'Không thể bắt đầu xử lý phiếu đang ở trạng thái "Đã giao".')),
      () => json(200, ticket({ status: 'assigned' })),
    ]);
    await detail.load();
    await detail.act('acknowledge');
    expect(detail.actionError?.vi).toBe('Chỉ đơn vị được giao mới xác nhận tiếp nhận.');
    await detail.act('start');
    expect(detail.actionError?.vi).toBe('Không thể bắt đầu xử lý phiếu đang ở trạng thái "Đã giao".');
  });

  it('keeps a ticket out of scope out of sight, with the reason', async () => {
    const { detail } = setup([() => json(403, apiError('FORBIDDEN', 'Phiếu này không thuộc phạm vi của tài khoản.'))]);
    await detail.load();
    expect(detail.ticket).toBeNull();
    expect(detail.loadError).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('refuses files over 2 MiB before sending and encodes the rest as base64', async () => {
    const { fetchMock, detail } = setup([() => json(200, ticket())]);
    await detail.load();
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' });
    expect(await detail.attach(big)).toBe('failed');
    expect(detail.actionError?.vi).toBe('Tệp đính kèm phải từ 1 byte đến 2 MiB.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await toBase64(new Blob(['Xin chào']))).toBe(Buffer.from('Xin chào').toString('base64'));
    expect(contentTypeOf({ name: 'bien-ban.DOCX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});
