import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { STREAMS, vnMidnight } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { busTopology, LocalBus } from '@kh02/platform';
import { silent } from '@kh02/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptCredential } from '../../src/pull/credentials.js';
import { PullSourceSchema } from '../../src/pull/pull-config.js';
import { PullScheduler, retryDelayMs } from '../../src/pull/pull-scheduler.js';

/**
 * The daily-report pull against a real HTTP endpoint playing the vendor:
 * fetched after its local time with the sealed credential, retried with
 * backoff after a failure, durable on the real bus once it succeeds.
 */
const system = defaultRegistry().systemsOfVendor('VNPT')[0]!;
const TODAY = '2026-11-23';
const YESTERDAY = '2026-11-22';
const at = (hhmm: string) => vnMidnight(TODAY) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const report = (overrides: Record<string, unknown> = {}) => ({
  event_id: randomUUID(),
  vendor: system.vendorCode,
  system_id: system.id,
  unit_code: system.unitCode,
  report_date: YESTERDAY,
  uptime_pct: 99.97,
  peaks: [{ at: `${YESTERDAY}T03:00:00Z`, cpu_pct: 70, ram_pct: 60, net_in_bps: 1e7, net_out_bps: 5e6 }],
  ...overrides,
});

let server: Server;
let url: string;
let answers: Array<{ status: number; body?: unknown }>;
let seen: IncomingMessage[];
let bus: LocalBus;
let clock: number;
const key = randomBytes(32);
const TOKEN = 'vendor-endpoint-token-123';

beforeEach(async () => {
  answers = [];
  seen = [];
  server = createServer((req, res) => {
    seen.push(req);
    const a = answers.shift() ?? { status: 500 };
    res
      .writeHead(a.status, { 'content-type': 'application/json' })
      .end(a.body === undefined ? '' : JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/shr`;
  bus = new LocalBus(busTopology());
  await bus.start();
  clock = at('06:31');
});
afterEach(async () => {
  await bus.close();
  await new Promise((r) => server.close(r));
});

function scheduler() {
  const source = PullSourceSchema.parse({
    system_id: system.id,
    url,
    at_local: '06:30',
    auth: { kind: 'bearer', sealed_token: encryptCredential(TOKEN, key) },
  });
  return new PullScheduler([source], {
    bus,
    registry: defaultRegistry(),
    now: () => clock,
    credentialsKey: key,
    logger: silent,
  });
}
const telemetryMessages = async () => (await bus.streamState(STREAMS.telemetry)).messages;

describe('pulling the daily System Health Report', () => {
  it('waits for its local time, then fetches yesterday’s report with the unsealed bearer token and publishes it', async () => {
    const s = scheduler();
    clock = at('06:29');
    await s.runDue();
    expect(seen).toHaveLength(0);
    expect(s.states()[0]).toMatchObject({ status: 'pending', for_date: YESTERDAY, attempts: 0 });

    clock = at('06:31');
    answers.push({ status: 200, body: report() });
    await s.runDue();
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(new URL(seen[0]!.url!, 'http://x').searchParams.get('date')).toBe(YESTERDAY);
    expect(s.states()[0]).toMatchObject({ status: 'ok', attempts: 1, last_error: null, next_attempt_at: null });
    expect(await telemetryMessages()).toBe(1);

    await s.runDue();
    expect(seen).toHaveLength(1);
  });

  it('a failed fetch is retried after the backoff, with the reason shown in both languages', async () => {
    const s = scheduler();
    answers.push({ status: 503 });
    await s.runDue();
    const failed = s.states()[0]!;
    expect(failed).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(failed.last_error?.vi).toContain('HTTP 503');
    expect(failed.last_error?.en).toContain('HTTP 503');
    expect(Date.parse(failed.next_attempt_at!)).toBe(clock + retryDelayMs(1));

    await s.runDue();
    expect(seen).toHaveLength(1);
    clock += retryDelayMs(1);
    answers.push({ status: 200, body: { events: [report()] } });
    await s.runDue();
    expect(s.states()[0]).toMatchObject({ status: 'ok', attempts: 2 });
    expect(await telemetryMessages()).toBe(1);
  });

  it('a report that breaks the contract or names another system is refused, never published', async () => {
    const s = scheduler();
    answers.push({ status: 200, body: report({ uptime_pct: 140 }) });
    await s.runDue();
    expect(s.states()[0]?.last_error?.en).toContain('uptime_pct');
    clock += retryDelayMs(1);
    answers.push({
      status: 200,
      body: report({
        report_date: '2026-11-21',
        peaks: [{ at: '2026-11-21T03:00:00Z', cpu_pct: 70, ram_pct: 60, net_in_bps: 1e7, net_out_bps: 5e6 }],
      }),
    });
    await s.runDue();
    expect(s.states()[0]).toMatchObject({ status: 'retrying', attempts: 2 });
    expect(s.states()[0]?.last_error?.en).toContain('report_date');
    expect(await telemetryMessages()).toBe(0);
  });
});
