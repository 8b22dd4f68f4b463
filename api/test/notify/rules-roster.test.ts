/*
 * Who gets what, end to end on a real event log (in-process bus): the 24 h
 * escalation as a recorded ticket event and its notification, quiet hours
 * (never for P1), and the duty roster's rule. The channel here is a recording
 * notifier; real SMTP, ZNS and Teams delivery is server/test/notify/notify-delivery.int.test.ts.
 */
import { busTopology, DomainError, LocalBus } from '@kh02/platform';
import { defaultRegistry } from '@kh02/schemas/registry';
import { silent } from '@kh02/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../src/auth/accounts.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../../src/auth/principal.js';
import { SessionTokens } from '../../src/auth/sessions.js';
import { defaultSlaPolicy } from '../../src/calendar/index.js';
import { EventLog } from '../../src/event-log/event-log.js';
import type { Delivery, Notifier } from '../../src/notify/notifier.js';
import { NotificationOutbox } from '../../src/notify/outbox.js';
import { ContactService } from '../../src/people/contacts.js';
import { RosterService } from '../../src/roster/roster.js';
import { escalateOverdue, watchClocks } from '../../src/tickets/escalation.js';
import { TicketService } from '../../src/tickets/ticket-service.js';
import { realCalendar } from '../support/calendar.js';

const registry = defaultRegistry();
const vn = (local: string) => Date.parse(`${local}+07:00`);

class Recorder implements Notifier {
  readonly channel = 'email' as const;
  readonly sent: Delivery[] = [];
  send(d: Delivery): Promise<void> {
    this.sent.push(d);
    return Promise.resolve();
  }
}

let bus: LocalBus;
let now = vn('2026-11-23T09:00:00');
let world: Awaited<ReturnType<typeof build>>;

async function build() {
  bus = new LocalBus(busTopology());
  await bus.start();
  const log = new EventLog(bus, silent);
  const clock = () => now;
  const accounts = new AccountService(
    log,
    { user: new SessionTokens('x'.repeat(40), 3_600_000), display: new SessionTokens('y'.repeat(40), 3_600_000) },
    clock,
  );
  const tickets = new TicketService({
    log,
    registry,
    calendar: realCalendar(),
    policy: defaultSlaPolicy,
    now: clock,
    person: (id) => accounts.person(id),
  });
  const contacts = new ContactService(log, registry, clock);
  const roster = new RosterService(log, realCalendar(), (id) => accounts.person(id), clock);
  const email = new Recorder();
  const outbox = new NotificationOutbox({
    log,
    tickets,
    accounts,
    contacts,
    registry,
    notifiers: [email],
    onDuty: () => [],
    now: clock,
    logger: silent,
    publicUrl: () => 'https://kh02.test',
    sender: true,
    retry: { baseMs: 10, maxMs: 100, maxAttempts: 3 },
    tickMs: 1_000_000,
    horizonMs: 7 * 86_400_000,
  });
  await log.start();
  const person = async (username: string, extra: Record<string, unknown>): Promise<Principal> => {
    await accounts.create(SYSTEM_PRINCIPAL, {
      username,
      name: username,
      password: `Mk-${username}-2026-an-toan`,
      confidentiality_signed: true,
      ...extra,
    } as Parameters<AccountService['create']>[1]);
    const p = accounts.person(`u-${username}`);
    if (!p) throw new Error(username);
    await contacts.put(SYSTEM_PRINCIPAL, username.replace('.', '-'), {
      name: username,
      role: 'leadership',
      account_id: p.id,
      email: `${username}@kh02-demo.invalid`,
    });
    return p;
  };
  const lead = await person('cc.totruong', { role: 'cc_lead' });
  const coord = await person('cc.dieuphoi', { role: 'cc_coordination' });
  const leader = await person('hanoi.lanhdao', { role: 'unit_focal', unit_code: '01', focal_kind: 'leadership' });
  const monitors = [];
  for (const u of ['cc.a', 'cc.b', 'cc.c', 'cc.d', 'cc.e']) monitors.push(await person(u, { role: 'cc_monitoring' }));
  return { log, tickets, outbox, email, roster, lead, coord, leader, monitors };
}

const ticketFor = async (priority: 'P1' | 'P3', key: string) => {
  const t = await world.tickets.create(
    world.coord,
    {
      title: `Sự cố ${key}`,
      description: 'Mô tả',
      unit_code: '01',
      issue_type: 2,
      priority,
      topic: 'general',
      source: 'manual',
    },
    { idempotencyKey: `create-${key}` },
  );
  await world.tickets.act(world.coord, t.id, {
    action: 'assign',
    data: { assignee: { kind: 'unit', code: '01' }, collaborators: [] },
    idempotencyKey: `assign-${key}`,
  });
  return t.id;
};

beforeEach(async () => {
  now = vn('2026-11-23T09:00:00');
  world = await build();
});
afterEach(async () => bus.close());

describe('24 h without a response escalates to the Tổ trưởng', () => {
  it('records one escalated event on the ticket, and notifies the Tổ trưởng and the unit’s leadership', async () => {
    const id = await ticketFor('P3', 'esc');
    await world.outbox.tick();
    world.email.sent.length = 0;
    now += 23 * 3_600_000;
    expect(await escalateOverdue(world.tickets, silent)).toBe(0);
    now += 2 * 3_600_000;
    expect(await escalateOverdue(world.tickets, silent)).toBe(1);
    expect(await escalateOverdue(world.tickets, silent)).toBe(0);
    expect(world.tickets.get(SYSTEM_PRINCIPAL, id).history.filter((h) => h.type === 'escalated')).toHaveLength(1);
    await world.outbox.tick();
    expect(world.email.sent.map((d) => d.to.id).sort()).toEqual(['u-cc.totruong', 'u-hanoi.lanhdao']);
    expect(world.email.sent[0]?.title).toContain('Leo thang');
    expect(world.email.sent[0]?.link).toBe(`https://kh02.test/tickets/${id}`);
  });
});

describe('SLA clocks at 80 % and at breach', () => {
  it('alert Coordination once per clock and state; a P1 breach also reaches the Tổ trưởng', async () => {
    await world.tickets.create(
      world.coord,
      {
        title: 'Mất kết nối',
        description: 'Mô tả',
        unit_code: '01',
        issue_type: 2,
        priority: 'P1',
        topic: 'general',
        source: 'manual',
      },
      { idempotencyKey: 'create-clock' },
    );
    await world.outbox.tick();
    world.email.sent.length = 0;
    const raise = (...a: Parameters<NotificationOutbox['raise']>) => world.outbox.raise(...a);
    // Assign within 30 min of creation: 80 % at 24 min.
    now += 25 * 60_000;
    await watchClocks(world.tickets, raise, silent);
    await watchClocks(world.tickets, raise, silent);
    await world.outbox.tick();
    const near = world.email.sent.filter((d) => d.title.includes('Sắp quá hạn (80 %): giao việc'));
    expect(near.map((d) => d.to.id)).toEqual(['u-cc.dieuphoi']);
    now += 6 * 60_000;
    await watchClocks(world.tickets, raise, silent);
    await world.outbox.tick();
    const late = world.email.sent.filter((d) => d.title.includes('Quá hạn: giao việc'));
    expect(late.map((d) => d.to.id).sort()).toEqual(['u-cc.dieuphoi', 'u-cc.totruong']);
  });
});

describe('quiet hours hold non-urgent mail until they end, never P1', () => {
  it('defers a P3 email at 23:00 to 07:00 and sends a P1 at once', async () => {
    await world.outbox.setPreferences(world.leader, { channels: ['email'], quiet_from: '22:00', quiet_to: '07:00' });
    now = vn('2026-11-23T23:00:00');
    await ticketFor('P3', 'quiet');
    await world.outbox.tick();
    expect(world.email.sent.filter((d) => d.to.id === world.leader.id)).toHaveLength(0);
    await ticketFor('P1', 'urgent');
    await world.outbox.tick();
    const toLeader = (priority: string) =>
      world.email.sent.filter((d) => d.to.id === world.leader.id && d.priority === priority).length;
    // The P1 ticket's creation and its assignment each reach the leadership focal point at once.
    expect([toLeader('P1'), toLeader('P3')]).toEqual([2, 0]);
    now = vn('2026-11-24T07:01:00');
    await world.outbox.tick();
    expect([toLeader('P1'), toLeader('P3')]).toEqual([2, 1]);
  });
});

describe('duty roster', () => {
  const week = '2026-11-23';
  const full = () =>
    Array.from({ length: 7 }, (_, i) => `2026-11-${23 + i}`).flatMap((date) =>
      (['monitoring_gov', 'monitoring_party', 'analysis', 'vendor_coordination', 'knowledge'] as const).map(
        (team, j) => ({
          date,
          team,
          account_id: world.monitors[j]?.id ?? '',
        }),
      ),
    );

  it('is refused when a team has nobody on duty some day, and when not published by the Tổ trưởng', async () => {
    const gap = full().filter((e) => !(e.team === 'analysis' && e.date === '2026-11-28'));
    const refused = await world.roster.publish(world.lead, { week_start: week, entries: gap }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).bilingualMessage.vi).toContain('Phân tích, tổng hợp, báo cáo 2026-11-28');
    const byCoord = await world.roster
      .publish(world.coord, { week_start: week, entries: full() })
      .catch((e: unknown) => e);
    expect((byCoord as DomainError).status).toBe(403);
    expect(world.roster.week(week)).toBeNull();
  });

  it('says who is on duty: Friday’s crew on Saturday 03:00, off-hours', async () => {
    await world.roster.publish(world.lead, { week_start: week, entries: full() });
    const duty = world.roster.onDuty(vn('2026-11-28T03:00:00'));
    expect(duty.off_hours).toBe(true);
    expect(duty.people).toHaveLength(5);
    expect(duty.people.find((p) => p.team === 'monitoring_gov')?.account_id).toBe('u-cc.a');
    expect(world.roster.onDuty(vn('2026-11-24T10:00:00')).off_hours).toBe(false);
  });
});
