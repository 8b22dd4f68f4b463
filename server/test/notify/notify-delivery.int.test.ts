/*
 * Notifications reach people over real channels: email through a real SMTP
 * server started here (smtp-server: STARTTLS with its built-in certificate,
 * AUTH required), read back with mailparser; Zalo ZNS and the Teams webhook
 * against local HTTP endpoints that check the documented request shapes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Inbox, Ticket } from '@kh02/schemas';
import { eventually } from '@kh02/testkit';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../../src/embedded.js';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

interface Received {
  raw: string;
  mail: ParsedMail;
  user: string;
  secure: boolean;
}
const inbox: Received[] = [];
const rcptAttempts = new Map<string, number>();
const webhooks: { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];

let smtp: SMTPServer;
let http: Server;
let handle: TestSystem;
let system: EmbeddedSystem;
let passwords: Record<string, string>;
const env: Record<string, string> = {};

const PUBLIC = 'https://kh02.test';
const DEAD = 'cc.dieuphoi@kh02-demo.invalid';
const FLAKY = 'hanoi.kythuat@kh02-demo.invalid';

async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'kh02' && auth.password === 'mat-khau-smtp') cb(null, { user: 'kh02' });
      else cb(new Error('bad credentials'));
    },
    onRcptTo(address, _session, cb) {
      const n = (rcptAttempts.get(address.address) ?? 0) + 1;
      rcptAttempts.set(address.address, n);
      if (address.address === DEAD) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      if (address.address === FLAKY && n <= 2) return cb(Object.assign(new Error('try later'), { responseCode: 451 }));
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((mail) => {
          inbox.push({ raw: raw.toString('utf8'), mail, user: String(session.user), secure: session.secure });
          cb();
        });
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  return (smtp.server.address() as AddressInfo).port;
}

async function startWebhooks(): Promise<number> {
  http = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      webhooks.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/zns') {
        // ZNS: access_token header, phone 84…, template_id, template_data, tracking_id.
        const ok =
          req.headers.access_token === 'zalo-token' &&
          /^84\d{8,10}$/.test(String(body.phone)) &&
          body.template_id === 'tpl-kh02' &&
          typeof body.template_data === 'object' &&
          typeof body.tracking_id === 'string';
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(
            ok
              ? { error: 0, message: 'Success', data: { msg_id: 'm1' } }
              : { error: -108, message: 'Phone number invalid' },
          ),
        );
        return;
      }
      const att = (body.attachments as { contentType?: string; content?: { type?: string } }[] | undefined)?.[0];
      const ok =
        body.type === 'message' &&
        att?.contentType === 'application/vnd.microsoft.card.adaptive' &&
        att.content?.type === 'AdaptiveCard';
      res.statusCode = ok ? 200 : 400;
      res.end(ok ? '1' : 'bad card');
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return (http.address() as AddressInfo).port;
}

async function call<T>(user: string, method: string, path: string, body?: unknown) {
  const token = await login(system, user, passwords[user] ?? '');
  const res = await fetch(`${system.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const mailsTo = (addr: string) =>
  inbox.filter((m) => m.mail.to && !Array.isArray(m.mail.to) && m.mail.to.value[0]?.address === addr);

let ticket: Ticket;

beforeAll(async () => {
  const smtpPort = await startSmtp();
  const hookPort = await startWebhooks();
  Object.assign(env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_REQUIRE_TLS: 'true',
    SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
    SMTP_USER: 'kh02',
    SMTP_PASSWORD: 'mat-khau-smtp',
    ZALO_ZNS_URL: `http://127.0.0.1:${hookPort}/zns`,
    ZALO_ACCESS_TOKEN: 'zalo-token',
    ZALO_TEMPLATE_ID: 'tpl-kh02',
    TEAMS_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/teams`,
    // Fixed: the test system's port changes at each restart, a planned message's link must not.
    PUBLIC_URL: PUBLIC,
    NOTIFY_TICK_MS: '50',
    NOTIFY_RETRY_BASE_MS: '100',
    NOTIFY_MAX_ATTEMPTS: '5',
    // Phase 1: this replica plans notifications but does not send (as if it crashed before sending).
    NOTIFY_SENDER: 'false',
  });
  handle = await startTestSystem('notify', { env });
  system = handle.system;
  passwords = await demoPasswords(handle.dataDir);
  expect(
    (
      await call('hanoi.lanhdao', 'PUT', '/api/v1/notifications/preferences', {
        channels: ['email', 'zalo'],
        quiet_from: null,
        quiet_to: null,
      })
    ).status,
  ).toBe(200);
  const created = await call<Ticket>('cc.dieuphoi', 'POST', '/api/v1/tickets', {
    title: 'Cổng dịch vụ công Hà Nội ngừng hoạt động',
    description: 'Không truy cập được từ 9 giờ',
    unit_code: '01',
    issue_type: 1,
    priority: 'P1',
  });
  expect(created.status).toBe(201);
  ticket = created.body;
  await eventually(
    async () => (await call<Inbox>('hanoi.lanhdao', 'GET', '/api/v1/notifications')).body.notifications.length === 1,
    5_000,
  );
}, 90_000);

afterAll(async () => {
  await handle?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => http.close(() => r()));
});

describe('a new P1 ticket notifies Coordination and the unit’s focal points', () => {
  it('is planned durably but nothing is sent while no replica sends', async () => {
    const r = await call<Inbox>('hanoi.lanhdao', 'GET', '/api/v1/notifications');
    expect(r.body.unread).toBe(1);
    expect(r.body.notifications[0]?.deliveries.map((d) => [d.channel, d.state]).sort()).toEqual([
      ['email', 'pending'],
      ['inapp', 'sent'],
      ['zalo', 'pending'],
    ]);
    await new Promise((res) => setTimeout(res, 300));
    expect(inbox).toHaveLength(0);
  });

  it('after a restart with sending on, each recipient gets the email once, over STARTTLS with AUTH', async () => {
    env.NOTIFY_SENDER = 'true';
    system = await handle.restart();
    await eventually(
      () => mailsTo('hanoi.lanhdao@kh02-demo.invalid').length === 1 && mailsTo(FLAKY).length === 1,
      15_000,
    );
    const m = mailsTo('hanoi.lanhdao@kh02-demo.invalid')[0];
    expect(m?.secure).toBe(true);
    expect(m?.user).toBe('kh02');
    expect(m?.mail.subject).toBe(`[KH02][P1] ${ticket.id} Phiếu mới: Cổng dịch vụ công Hà Nội ngừng hoạt động`);
    // RFC 2047: the Vietnamese subject travels as encoded-words, never raw 8-bit.
    expect(/^Subject: =\?UTF-8\?[BQ]\?/im.test(m?.raw ?? '')).toBe(true);
    expect(m?.mail.text).toContain(`/tickets/${ticket.id}`);
    expect(m?.mail.html || '').toContain(`href="${PUBLIC}/tickets/${ticket.id}"`);
    expect(m?.mail.messageId).toMatch(/^<[0-9a-f]{32}@kh02\.notify>$/);
  });

  it('retries a 451 with backoff until delivered, and dead-letters a 550, visible on the ticket', async () => {
    expect(rcptAttempts.get(FLAKY)).toBe(3);
    await eventually(async () => {
      const r = await call<{
        deliveries: { to: { id: string }; channel: string; state: string; error: string | null }[];
      }>('cc.giamsat', 'GET', `/api/v1/tickets/${ticket.id}/deliveries`);
      const dead = r.body.deliveries.find((d) => d.to.id === 'u-cc.dieuphoi' && d.channel === 'email');
      return dead?.state === 'failed' && (dead.error ?? '').includes('550');
    }, 10_000);
    expect(rcptAttempts.get(DEAD)).toBe(1);
    expect(mailsTo(DEAD)).toHaveLength(0);
  });

  it('sends the documented Zalo ZNS and Teams Adaptive Card requests, each accepted', async () => {
    await eventually(
      () => webhooks.some((w) => w.path === '/zns') && webhooks.some((w) => w.path === '/teams'),
      10_000,
    );
    const zns = webhooks.find((w) => w.path === '/zns');
    expect(zns?.body).toMatchObject({ phone: '84900000201', template_id: 'tpl-kh02' });
    expect((zns?.body.template_data as { link: string }).link).toBe(`${PUBLIC}/tickets/${ticket.id}`);
    const card = (
      webhooks.find((w) => w.path === '/teams')?.body.attachments as { content: { actions: { url: string }[] } }[]
    )[0];
    expect(card?.content.actions[0]?.url).toBe(`${PUBLIC}/tickets/${ticket.id}`);
    const r = await call<Inbox>('hanoi.lanhdao', 'GET', '/api/v1/notifications');
    expect(r.body.notifications[0]?.deliveries.find((d) => d.channel === 'zalo')?.state).toBe('sent');
  });

  it('marks the in-app notification read', async () => {
    const before = await call<Inbox>('hanoi.lanhdao', 'GET', '/api/v1/notifications');
    const id = before.body.notifications[0]?.id ?? '';
    expect((await call('hanoi.lanhdao', 'POST', '/api/v1/notifications/read', { ids: [id] })).status).toBe(204);
    const after = await call<Inbox>('hanoi.lanhdao', 'GET', '/api/v1/notifications');
    expect(after.body).toMatchObject({ unread: 0, notifications: [{ id, read: true }] });
  });

  it('sends nothing again after another restart', async () => {
    const mails = inbox.length;
    const hooks = webhooks.length;
    system = await handle.restart();
    await new Promise((res) => setTimeout(res, 1_000));
    expect(inbox).toHaveLength(mails);
    expect(webhooks).toHaveLength(hooks);
  });
});
