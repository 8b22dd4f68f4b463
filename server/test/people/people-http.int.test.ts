import type { ContactList, FocalRegister, Ticket } from '@kh02/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../../src/embedded.js';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

let handle: TestSystem;
let system: EmbeddedSystem;
let passwords: Record<string, string>;
const tokens: Record<string, string> = {};

async function call<T = unknown>(user: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

beforeAll(async () => {
  handle = await startTestSystem('people');
  system = handle.system;
  passwords = await demoPasswords(handle.dataDir);
  for (const u of ['cc.giamsat', 'cc.dieuphoi', 'nhom3.truong', 'nhom3.thanhvien', 'tuong.hienthi'])
    tokens[u] = await login(system, u, passwords[u] ?? '');
});
afterAll(async () => handle.close());

describe('contact directory (Phụ lục IX)', () => {
  it('finds "Hà Nội" rows when searched without diacritics, every word must match', async () => {
    const r = await call<ContactList>('cc.giamsat', 'GET', '/api/v1/contacts?q=ha%20noi');
    expect(r.status).toBe(200);
    expect(r.body.contacts.map((c) => c.id)).toContain('hanoi-lanhdao');
    expect(r.body.contacts.every((c) => `${c.unit_name} ${c.name} ${c.team} ${c.scope}`.includes('Hà Nội'))).toBe(true);
    const narrow = await call<ContactList>('cc.giamsat', 'GET', '/api/v1/contacts?q=vnpt%20HA%20NOI%20sysadmin');
    expect(narrow.body.contacts.map((c) => c.id)).toEqual(['vnpt-hanoi-sysadmin']);
    expect(narrow.body.contacts[0]?.phone).toMatch(/^024/);
    expect(narrow.body.contacts[0]?.email).toContain('@');
  });

  it('refuses the wall display (403) and a request without a session (401)', async () => {
    expect((await call('tuong.hienthi', 'GET', '/api/v1/contacts')).status).toBe(403);
    expect((await call(null, 'GET', '/api/v1/contacts')).status).toBe(401);
  });

  it('a bad row is refused with the field path, nothing stored', async () => {
    const bad = await call<{ error: { code: string; details: { path: string }[] } }>(
      'cc.dieuphoi',
      'PUT',
      '/api/v1/contacts/lamdong-kythuat',
      { name: 'Đầu mối kỹ thuật – Lâm Đồng', role: 'technical', unit_code: '68', email: 'not-an-email' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toContain('email');
    const after = await call<ContactList>('cc.giamsat', 'GET', '/api/v1/contacts?q=lam%20dong');
    expect(after.body.total).toBe(0);
  });

  it('only the lead / coordination teams edit it; an edit survives a restart', async () => {
    const row = { name: 'Đầu mối kỹ thuật – Lâm Đồng', role: 'technical', unit_code: '68', phone: '0263 0000 001' };
    expect((await call('cc.giamsat', 'PUT', '/api/v1/contacts/lamdong-kythuat', row)).status).toBe(403);
    expect((await call('cc.dieuphoi', 'PUT', '/api/v1/contacts/lamdong-kythuat', row)).status).toBe(200);
    system = await handle.restart();
    for (const u of Object.keys(tokens)) tokens[u] = await login(system, u, passwords[u] ?? '');
    const r = await call<ContactList>('cc.giamsat', 'GET', '/api/v1/contacts?q=lam%20dong');
    expect(r.body.contacts.map((c) => c.id)).toEqual(['lamdong-kythuat']);
  });
});

describe('focal-point register', () => {
  it('shows each unit’s leadership and technical account and lists the units missing either', async () => {
    const r = await call<FocalRegister>('cc.giamsat', 'GET', '/api/v1/focal-points');
    expect(r.status).toBe(200);
    const hanoi = r.body.units.find((u) => u.code === '01');
    expect(hanoi).toMatchObject({
      complete: true,
      leadership: { id: 'u-hanoi.lanhdao' },
      technical: { id: 'u-hanoi.kythuat' },
      reporting_office: 'Văn phòng Thành ủy Hà Nội',
    });
    expect(r.body.units.find((u) => u.code === 'VNPT')?.complete).toBe(true);
    expect(r.body.missing.find((m) => m.code === '79')?.lacks).toEqual(['leadership']);
    expect(r.body.missing.find((m) => m.code === '68')?.lacks).toEqual(['leadership', 'technical']);
    expect(r.body.covered + r.body.missing.length).toBe(r.body.total);
  });
});

describe('a ticket handed to a person of the working group', () => {
  let ticket: Ticket;
  const post = (user: string, path: string, body: unknown) => call<Ticket>(user, 'POST', path, body);

  beforeAll(async () => {
    const created = await post('cc.dieuphoi', '/api/v1/tickets', {
      title: 'Chưa liên thông dữ liệu hộ tịch',
      description: 'Dữ liệu hộ tịch chưa đồng bộ',
      unit_code: '01',
      issue_type: 2,
      priority: 'P3',
      topic: 'online_services',
    });
    expect(created.status).toBe(201);
    const assigned = await post('cc.dieuphoi', `/api/v1/tickets/${created.body.id}/assign`, {
      assignee: { kind: 'working_group', code: 'WG3' },
    });
    expect(assigned.status).toBe(200);
    ticket = assigned.body;
  });

  it('lists the group’s members for the lead to choose from', async () => {
    const r = await call<{ members: { id: string; lead: boolean }[] }>(
      'nhom3.truong',
      'GET',
      '/api/v1/people?party=working_group:WG3',
    );
    expect(r.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'u-nhom3.truong', lead: true }),
        expect.objectContaining({ id: 'u-nhom3.thanhvien', lead: false }),
      ]),
    );
  });

  it('a member may not hand it on (403); a person outside the group is refused (400)', async () => {
    const byMember = await post('nhom3.thanhvien', `/api/v1/tickets/${ticket.id}/assign-person`, {
      person_id: 'u-nhom3.thanhvien',
    });
    expect(byMember.status).toBe(403);
    const outsider = await post('nhom3.truong', `/api/v1/tickets/${ticket.id}/assign-person`, {
      person_id: 'u-hanoi.kythuat',
    });
    expect(outsider.status).toBe(400);
  });

  it('the lead hands it to a member: the ticket shows the handling group and the person, on its history too', async () => {
    const r = await post('nhom3.truong', `/api/v1/tickets/${ticket.id}/assign-person`, {
      person_id: 'u-nhom3.thanhvien',
    });
    expect(r.status).toBe(200);
    expect(r.body.assignee).toEqual({ kind: 'working_group', code: 'WG3' });
    expect(r.body.assignee_person).toEqual({ id: 'u-nhom3.thanhvien', name: 'Thành viên Nhóm công tác 3' });
    expect(r.body.status).toBe('assigned');
    expect(r.body.history.at(-1)?.type).toBe('person_assigned');
  });
});
