import { randomUUID } from 'node:crypto';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck, Ticket, TicketChanged } from '@kh02/schemas';
import { eventually } from '@kh02/testkit';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../../src/embedded.js';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let handle: TestSystem;
let system: EmbeddedSystem;
const tokens: Record<string, string> = {};
const sockets: Client[] = [];

beforeAll(async () => {
  handle = await startTestSystem('ticket-feed');
  system = handle.system;
  const passwords = await demoPasswords(handle.dataDir);
  for (const u of ['cc.totruong', 'cc.giamsat', 'cc.dieuphoi', 'bca.kythuat', 'hanoi.kythuat'])
    tokens[u] = await login(system, u, passwords[u] ?? '');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await handle.close();
});

/** A tab's socket (connected on the display token, as the wall's are) that records ticket changes. */
async function tab() {
  const socket: Client = connect(system.apiUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: system.displayToken },
  });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const changes: TicketChanged[] = [];
  socket.on('tickets:changed:v1', (c) => changes.push(c));
  const watch = (token: string) =>
    new Promise<SubscribeAck>((resolve) => socket.emit('tickets:watch:v1', { token }, resolve));
  return { socket, changes, watch };
}

async function act<T>(user: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${system.apiUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[user]}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (res.status === 204 ? null : await res.json()) as T;
}

describe('tickets:changed:v1 (live ticket pages)', () => {
  it('refuses to watch without a person’s valid session', async () => {
    const t = await tab();
    expect(await t.watch('not-a-token')).toMatchObject({ ok: false, error: { en: 'Invalid or expired session.' } });
    expect(await t.watch(system.displayToken ?? '')).toMatchObject({ ok: false });
  });

  it('tells each person of the changes to the tickets they may see, and nobody else', async () => {
    const [cc, bca, hanoi, unwatched] = [await tab(), await tab(), await tab(), await tab()];
    expect(await cc.watch(tokens['cc.giamsat'] ?? '')).toEqual({ ok: true });
    expect(await bca.watch(tokens['bca.kythuat'] ?? '')).toEqual({ ok: true });
    expect(await hanoi.watch(tokens['hanoi.kythuat'] ?? '')).toEqual({ ok: true });

    const created = await act<Ticket>('cc.giamsat', '/api/v1/tickets', {
      title: 'Lỗi đồng bộ hồ sơ',
      description: 'Hồ sơ không đồng bộ lên Cổng Dịch vụ công.',
      unit_code: 'BCA',
      issue_type: 2,
      priority: 'P2',
    });
    await eventually(() => cc.changes.length === 1 && bca.changes.length === 1, 5_000);
    expect(cc.changes[0]).toEqual({ id: created.id, version: created.version, unit_code: 'BCA', status: 'created' });

    const assigned = await act<Ticket>('cc.dieuphoi', `/api/v1/tickets/${created.id}/assign`, {
      assignee: { kind: 'unit', code: 'BCA' },
    });
    await eventually(() => bca.changes.length === 2 && cc.changes.length === 2, 5_000);
    expect(bca.changes[1]).toMatchObject({ id: created.id, version: assigned.version, status: 'assigned' });

    // A page left: no more changes for that socket, while others still get them.
    cc.socket.emit('tickets:unwatch:v1');
    await new Promise((r) => setTimeout(r, 100));
    await act<Ticket>('bca.kythuat', `/api/v1/tickets/${created.id}/acknowledge`, {});
    await eventually(() => bca.changes.length === 3, 5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(bca.changes[2]).toMatchObject({ status: 'acknowledged' });
    expect(cc.changes).toHaveLength(2);
    // Hà Nội's focal point may not see a Ministry of Public Security ticket; a socket that never watched hears nothing.
    expect(hanoi.changes).toHaveLength(0);
    expect(unwatched.changes).toHaveLength(0);
  });

  it('stops telling a person whose account was disabled', async () => {
    const [cc, bca] = [await tab(), await tab()];
    expect(await cc.watch(tokens['cc.giamsat'] ?? '')).toEqual({ ok: true });
    expect(await bca.watch(tokens['bca.kythuat'] ?? '')).toEqual({ ok: true });
    await act<null>('cc.totruong', '/api/v1/accounts/u-bca.kythuat/disable', {});
    const created = await act<Ticket>('cc.giamsat', '/api/v1/tickets', {
      title: 'Lỗi xác thực tập trung',
      description: 'Không đăng nhập được bằng VNeID.',
      unit_code: 'BCA',
      issue_type: 1,
      priority: 'P3',
    });
    await eventually(() => cc.changes.length === 1, 5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(cc.changes[0]).toMatchObject({ id: created.id });
    expect(bca.changes).toHaveLength(0);
  });
});
