/*
 * Fault test: the api process is killed (SIGKILL) in the middle of an SMTP
 * transaction and started again on the same data. Every recipient's message
 * reaches the real SMTP server started here, and a message whose DATA the
 * server had taken when the sender died is resent with the same Message-ID
 * (the delivery key): counted by Message-ID, each is delivered exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@kh02/platform/local';
import { eventually } from '@kh02/testkit';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const received: { to: string; messageId: string }[] = [];
let stallFirst = true;
let stalled: (() => void) | undefined;
let smtp: SMTPServer;
let child: ChildProcess | undefined;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let apiPort = 0;
let smtpPort = 0;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startApi(): Promise<void> {
  const ingestPort = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main/embedded-main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      DATA_DIR: dir.path,
      API_PORT: String(apiPort),
      INGEST_PORT: String(ingestPort),
      SIMULATOR: 'false',
      LOG_LEVEL: 'warn',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      NOTIFY_TICK_MS: '50',
      NOTIFY_RETRY_BASE_MS: '200',
      PUBLIC_URL: 'https://kh02.test',
    },
    stdio: 'ignore',
  });
  await eventually(async () => {
    const res = await fetch(`http://127.0.0.1:${apiPort}/ready`).catch(() => null);
    return res?.status === 200;
  }, 60_000);
}

beforeAll(async () => {
  dir = await makeTempDir('notify-crash');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          // The server has the message (as an MTA that queued it) but holds back its 250.
          received.push({ to: session.envelope.rcptTo[0]?.address ?? '', messageId: mail.messageId ?? '' });
          if (stallFirst) {
            stallFirst = false;
            stalled = () => cb();
            return;
          }
          cb();
        });
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  apiPort = await freePort();
  await startApi();
}, 120_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  stalled?.();
  await new Promise<void>((r) => smtp.close(() => r()));
  await dir.remove();
});

describe('a crash in the middle of sending', () => {
  it('delivers every notification once per Message-ID after SIGKILL and a restart', async () => {
    const passwords = JSON.parse(await readFile(`${dir.path}/demo-accounts.json`, 'utf8')) as Record<string, string>;
    const base = `http://127.0.0.1:${apiPort}`;
    const login = (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cc.dieuphoi', password: passwords['cc.dieuphoi'] }),
      })
    ).json()) as { token: string };
    const created = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Cổng dịch vụ công Hà Nội ngừng hoạt động',
        description: 'Không truy cập được',
        unit_code: '01',
        issue_type: 1,
        priority: 'P1',
      }),
    });
    expect(created.status).toBe(201);
    await eventually(() => stalled !== undefined, 20_000);
    child?.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    stalled?.();
    await startApi();
    // Coordination and Hà Nội's two focal points at least (whoever is on duty off-hours too).
    const expected = ['cc.dieuphoi', 'hanoi.lanhdao', 'hanoi.kythuat'].map((u) => `${u}@kh02-demo.invalid`);
    await eventually(() => expected.every((a) => received.some((r) => r.to === a)), 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const byRecipient = new Map<string, Set<string>>();
    for (const r of received) byRecipient.set(r.to, (byRecipient.get(r.to) ?? new Set()).add(r.messageId));
    for (const ids of byRecipient.values()) expect(ids.size).toBe(1);
    const copies = received.length - byRecipient.size;
    // At most the one message in flight at the kill is seen twice, with the same Message-ID.
    expect(copies).toBeLessThanOrEqual(1);
    process.stdout.write(
      `recipients ${byRecipient.size}, messages ${received.length}, resent after the crash ${copies}\n`,
    );
  }, 180_000);
});
