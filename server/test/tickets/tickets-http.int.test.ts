import { randomUUID } from 'node:crypto';
import type { Ticket, Tile } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { eventually } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../../src/embedded.js';
import { demoPasswords, login, postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';

const registry = defaultRegistry();
const AGENCY = 'BCA';
let handle: TestSystem;
let system: EmbeddedSystem;
let passwords: Record<string, string>;
const tokens: Record<string, string> = {};

async function call<T = unknown>(
  user: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function signIn(user: string) {
  tokens[user] = await login(system, user, passwords[user] ?? '');
}

/** Healthy samples and yesterday's daily reports for every system of the agency, so it is green on telemetry alone. */
async function makeAgencyHealthy() {
  const systems = registry.systemsOf(AGENCY);
  const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  for (const s of systems) {
    const base = { vendor: s.vendorCode, system_id: s.id, unit_code: s.unitCode };
    const sample = {
      ...base,
      observed_at: new Date().toISOString(),
      uptime_pct: 100,
      cpu_pct: 20,
      ram_pct: 30,
      net_in_bps: 1,
      net_out_bps: 1,
    };
    const peaks = [{ at: `${yesterday}T03:00:00Z`, cpu_pct: 50, ram_pct: 50, net_in_bps: 1, net_out_bps: 1 }];
    expect(await postAsVendor(system, '/v1/health-samples', s.vendorCode, sample)).toBe(202);
    expect(
      await postAsVendor(system, '/v1/health-reports', s.vendorCode, {
        ...base,
        report_date: yesterday,
        uptime_pct: 99.99,
        peaks,
      }),
    ).toBe(202);
  }
}

const tileOf = async (code: string) =>
  (await call<{ tiles: Tile[] }>('display', 'GET', '/api/v1/wall')).body.tiles.find((t) => t.code === code);

beforeAll(async () => {
  handle = await startTestSystem('tickets');
  system = handle.system;
  tokens.display = system.displayToken ?? '';
  passwords = await demoPasswords(handle.dataDir);
  for (const u of ['cc.totruong', 'cc.dieuphoi', 'cc.giamsat', 'bca.kythuat', 'hanoi.kythuat', 'vnpt.daumoi'])
    await signIn(u);
});
afterAll(async () => handle.close());

describe('work tickets over HTTP', () => {
  let ticket: Ticket;

  it('refuses anonymous callers and wrong passwords', async () => {
    expect((await call(null, 'GET', '/api/v1/tickets')).status).toBe(401);
    expect(
      (await call(null, 'POST', '/api/v1/auth/login', { username: 'cc.dieuphoi', password: 'wrong-password-123' }))
        .status,
    ).toBe(401);
  });

  it('opens a ticket that holds a healthy unit red until it is verified and closed', async () => {
    await makeAgencyHealthy();
    await eventually(async () => (await tileOf(AGENCY))?.status === 'green', 10_000);
    const created = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', {
      title: 'Lỗi ký số trên hệ thống một cửa',
      description: 'Người dân không ký số được hồ sơ từ 8h15.\n\t- Bước 1: đăng nhập\n\t- Bước 2: ký số',
      unit_code: AGENCY,
      system_id: registry.systemsOf(AGENCY)[0]?.id,
      issue_type: 2,
      priority: 'P2',
      topic: 'online_services',
    });
    expect(created.status).toBe(201);
    ticket = created.body;
    expect(ticket.description).toContain('\n\t- Bước 2');
    expect(ticket).toMatchObject({
      created_by: 'u-cc.giamsat',
      created_by_name: expect.stringMatching(/\p{L}/u) as unknown,
      system_name: registry.systemsOf(AGENCY)[0]?.name,
      system_name_en: registry.systemsOf(AGENCY)[0]?.nameEn,
      history: [{ type: 'created', status: 'created', actor: { id: 'u-cc.giamsat', role: 'cc_monitoring' } }],
    });
    expect(ticket).toMatchObject({
      status: 'created',
      colour: 'red',
      suggested_assignee: { kind: 'unit', code: AGENCY },
      suggested_collaborators: [{ kind: 'working_group', code: 'WG3' }],
    });
    await eventually(async () => (await tileOf(AGENCY))?.status === 'red', 5_000);
    const tile = await tileOf(AGENCY);
    expect(tile?.reasons[0]).toMatchObject({ indicator: 'open_ticket', source: { code: ticket.id } });
    expect(tile?.tickets).toMatchObject({ open: 1, next_deadline_kind: 'assign' });
  });

  it('refuses other control characters in ticket text, naming the field', async () => {
    const bad = await call<{ error: { code: string; details: { path: string; reason: string }[] } }>(
      'cc.giamsat',
      'POST',
      '/api/v1/tickets',
      { title: 'Lỗi', description: 'có ký tự NUL \u0000 ở đây', unit_code: AGENCY, issue_type: 2, priority: 'P3' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'description', reason: 'control_chars' })]);
    const parties = await call<{ vendors: { code: string; name: string; name_en: string }[] }>(
      'cc.dieuphoi',
      'GET',
      '/api/v1/routing/parties',
    );
    expect(parties.body.vendors.find((v) => v.code === 'VNPT')).toMatchObject({
      name_en: expect.any(String) as unknown,
    });
  });

  it('enforces who may do what, and which moves are legal', async () => {
    const id = ticket.id;
    expect(
      (await call('bca.kythuat', 'POST', `/api/v1/tickets/${id}/assign`, { assignee: { kind: 'unit', code: AGENCY } }))
        .status,
    ).toBe(403);
    expect((await call('hanoi.kythuat', 'GET', `/api/v1/tickets/${id}`)).status).toBe(403);
    const early = await call<{ error: { code: string; message: { vi: string } } }>(
      'cc.giamsat',
      'POST',
      `/api/v1/tickets/${id}/close`,
      { verification_note: 'x' },
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    expect(early.body.error.message.vi).toContain('Mới tạo');

    const assigned = await call<Ticket>('cc.dieuphoi', 'POST', `/api/v1/tickets/${id}/assign`, {
      assignee: { kind: 'unit', code: AGENCY },
      collaborators: [{ kind: 'working_group', code: 'WG3' }],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.clocks.find((c) => c.kind === 'acknowledge')?.state).toBe('running');
    expect((await call('vnpt.daumoi', 'POST', `/api/v1/tickets/${id}/acknowledge`, {})).status).toBe(403);
    const stale = await call(
      'bca.kythuat',
      'POST',
      `/api/v1/tickets/${id}/acknowledge`,
      {},
      { 'if-match': String(ticket.version) },
    );
    expect(stale.status).toBe(409);
    const ack = await call<Ticket>(
      'bca.kythuat',
      'POST',
      `/api/v1/tickets/${id}/acknowledge`,
      {},
      { 'if-match': String(assigned.body.version) },
    );
    expect(ack.body.status).toBe('acknowledged');
    // Each step names who took it, for everyone who may see the ticket (not only the audit log).
    expect(ack.body.history.map((h) => [h.type, h.actor.id, h.status])).toEqual([
      ['created', 'u-cc.giamsat', 'created'],
      ['assigned', 'u-cc.dieuphoi', 'assigned'],
      ['acknowledged', 'u-bca.kythuat', 'acknowledged'],
    ]);
    expect((await call('bca.kythuat', 'POST', `/api/v1/tickets/${id}/acknowledge`, {})).status).toBe(409);
  });

  it('records progress, comments once per Idempotency-Key, attachments within limits, and the result', async () => {
    const id = ticket.id;
    expect((await call<Ticket>('bca.kythuat', 'POST', `/api/v1/tickets/${id}/start`, {})).body.status).toBe(
      'in_progress',
    );
    const key = { 'idempotency-key': `comment-${randomUUID()}` };
    await call(
      'bca.kythuat',
      'POST',
      `/api/v1/tickets/${id}/comments`,
      { text: 'Đã khoanh vùng lỗi chứng thư số.' },
      key,
    );
    const again = await call<Ticket>(
      'bca.kythuat',
      'POST',
      `/api/v1/tickets/${id}/comments`,
      { text: 'Đã khoanh vùng lỗi chứng thư số.' },
      key,
    );
    expect(again.body.comments).toHaveLength(1);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const attached = await call<Ticket>('bca.kythuat', 'POST', `/api/v1/tickets/${id}/attachments`, {
      name: 'ảnh lỗi.png',
      content_type: 'image/png',
      content_base64: png.toString('base64'),
    });
    expect(attached.body.attachments[0]).toMatchObject({ name: 'ảnh lỗi.png', size: png.length });
    const download = await fetch(
      `${system.apiUrl}/api/v1/tickets/${id}/attachments/${attached.body.attachments[0]!.id}`,
      { headers: { authorization: `Bearer ${tokens['bca.kythuat']}` } },
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    const huge = await call('bca.kythuat', 'POST', `/api/v1/tickets/${id}/attachments`, {
      name: 'x.pdf',
      content_type: 'application/pdf',
      content_base64: Buffer.alloc(2_500_000).toString('base64'),
    });
    expect(huge.status).toBe(413);
    const done = await call<Ticket>('bca.kythuat', 'POST', `/api/v1/tickets/${id}/done`, {
      result_report: 'Đã gia hạn chứng thư số; người dân ký số bình thường.',
    });
    expect(done.body).toMatchObject({ status: 'done', result_report: expect.stringContaining('chứng thư') as unknown });
    expect((await tileOf(AGENCY))?.status).toBe('red');
  });

  it('turns the unit green only when the Command Center verifies and closes it', async () => {
    expect(
      (await call('bca.kythuat', 'POST', `/api/v1/tickets/${ticket.id}/close`, { verification_note: 'x' })).status,
    ).toBe(403);
    const closed = await call<Ticket>('cc.giamsat', 'POST', `/api/v1/tickets/${ticket.id}/close`, {
      verification_note: 'Đã xác minh với đơn vị báo cáo.',
    });
    expect(closed.body.status).toBe('closed');
    // Every step keeps what was written in it and whom an assignment went to.
    expect(closed.body.history.map((h) => [h.type, h.note, h.assignee?.code ?? null])).toEqual([
      ['created', null, null],
      ['assigned', null, 'BCA'],
      ['acknowledged', null, null],
      ['started', null, null],
      ['commented', 'Đã khoanh vùng lỗi chứng thư số.', null],
      ['attachment_added', 'ảnh lỗi.png', null],
      ['done_reported', 'Đã gia hạn chứng thư số; người dân ký số bình thường.', null],
      ['closed', 'Đã xác minh với đơn vị báo cáo.', null],
    ]);
    await eventually(async () => (await tileOf(AGENCY))?.status === 'green', 5_000);
    const kpi = await call<{ red_issues: number; routed_within_24h: number }>(
      'cc.totruong',
      'GET',
      '/api/v1/tickets-kpi',
    );
    expect(kpi.body).toMatchObject({ red_issues: 1, routed_within_24h: 1 });
  });

  it('keeps an append-only, queryable audit trail of every change', async () => {
    await eventually(async () => {
      const r = await call<{ event_type: string; actor_id: string }[]>(
        'cc.totruong',
        'GET',
        `/api/v1/audit?entity=ticket&entity_id=${ticket.id}`,
      );
      return r.body.length >= 8 ? r.body : undefined;
    }, 10_000);
    const r = await call<{ event_type: string; actor_id: string; data: string }[]>(
      'cc.totruong',
      'GET',
      `/api/v1/audit?entity=ticket&entity_id=${ticket.id}`,
    );
    expect(r.body.map((e) => e.event_type).reverse()).toEqual([
      'created',
      'assigned',
      'acknowledged',
      'started',
      'commented',
      'attachment_added',
      'done_reported',
      'closed',
    ]);
    expect((await call('bca.kythuat', 'GET', '/api/v1/audit')).status).toBe(403);
    const accounts = await call<{ data: string }[]>('cc.totruong', 'GET', '/api/v1/audit?entity=account&limit=50');
    expect(accounts.body.length).toBeGreaterThan(5);
    expect(accounts.body.every((a) => !a.data.includes('scrypt$'))).toBe(true);
    const config = await call<{ entity_id: string; event_type: string }[]>(
      'cc.totruong',
      'GET',
      '/api/v1/audit?entity=config',
    );
    expect(config.body.map((c) => c.entity_id).sort()).toEqual(['sla-policy', 'status-thresholds']);
  });

  it('replays tickets and accounts from the bus after a restart', async () => {
    system = await handle.restart();
    tokens.display = system.displayToken ?? '';
    await signIn('cc.giamsat');
    const r = await call<Ticket>('cc.giamsat', 'GET', `/api/v1/tickets/${ticket.id}`);
    expect(r.body).toMatchObject({ status: 'closed', comments: [{ text: 'Đã khoanh vùng lỗi chứng thư số.' }] });
    // The same thresholds on restart are not a change: no new config audit event.
    await signIn('cc.totruong');
    await new Promise((res) => setTimeout(res, 1_500));
    const config = await call<unknown[]>('cc.totruong', 'GET', '/api/v1/audit?entity=config');
    expect(config.body).toHaveLength(2);
  });
});
