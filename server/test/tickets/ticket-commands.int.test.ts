import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, Ticket } from '@kh02/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

let sut: TestSystem;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  sut = await startTestSystem('ticket-commands');
  const passwords = await demoPasswords(sut.dataDir);
  for (const u of ['cc.giamsat', 'cc.dieuphoi', 'hanoi.kythuat', 'vnpt.daumoi'])
    tokens[u] = await login(sut.system, u, passwords[u] ?? '');
  tokens.display = sut.system.displayToken ?? '';
}, 60_000);
afterAll(async () => sut.close());

async function call<T>(user: string, method: string, path: string, body?: unknown, key?: string) {
  const res = await fetch(`${sut.system.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[user] ?? ''}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const newTicket = (title: string) => ({
  title,
  description: 'Mô tả sự việc đủ chi tiết.',
  unit_code: '01',
  issue_type: 1,
  priority: 'P3',
});

describe('ticket commands under one Idempotency-Key', () => {
  it('a retried create with the same body is the same ticket; another body under the key is 422', async () => {
    const key = `create-${randomUUID()}`;
    const first = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', newTicket('Lỗi A'), key);
    expect(first.status).toBe(201);
    const retry = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', newTicket('Lỗi A'), key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const other = await call<ApiErrorBody>('cc.giamsat', 'POST', '/api/v1/tickets', newTicket('Lỗi B'), key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('five simultaneous comments under one key with different texts: one applied, four 422', async () => {
    const t = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', newTicket('Lỗi C'), randomUUID());
    const key = `comment-${randomUUID()}`;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        call<Ticket>('cc.giamsat', 'POST', `/api/v1/tickets/${t.body.id}/comments`, { text: `Ý kiến số ${i}` }, key),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422, 422]);
    const now = await call<Ticket>('cc.giamsat', 'GET', `/api/v1/tickets/${t.body.id}`);
    expect(now.body.comments).toHaveLength(1);
  });
});

describe('cancelling a ticket', () => {
  it('needs a real reason and a Command Center role, and the reason is on the record', async () => {
    const t = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', newTicket('Trùng phiếu'), randomUUID());
    const id = t.body.id;
    for (const reason of ['', '   ', 'trùng'])
      expect((await call('cc.dieuphoi', 'POST', `/api/v1/tickets/${id}/cancel`, { reason })).status).toBe(400);
    expect(
      (await call('hanoi.kythuat', 'POST', `/api/v1/tickets/${id}/cancel`, { reason: 'Phiếu trùng với PGV-1' })).status,
    ).toBe(403);
    const ok = await call<Ticket>('cc.dieuphoi', 'POST', `/api/v1/tickets/${id}/cancel`, {
      reason: 'Trùng với phiếu đã mở trước cho cùng sự việc.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('cancelled');
    expect(ok.body.history.at(-1)).toMatchObject({
      type: 'cancelled',
      actor: { role: 'cc_coordination' },
      note: 'Trùng với phiếu đã mở trước cho cùng sự việc.',
    });
  });

  it('the KPI is refused to the wall display and vendor accounts', async () => {
    expect((await call('display', 'GET', '/api/v1/tickets-kpi')).status).toBe(403);
    expect((await call('vnpt.daumoi', 'GET', '/api/v1/tickets-kpi')).status).toBe(403);
    const kpi = await call<{ red_without_ticket: number }>('cc.giamsat', 'GET', '/api/v1/tickets-kpi');
    expect(kpi.status).toBe(200);
    expect(typeof kpi.body.red_without_ticket).toBe('number');
  });
});
