import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../src/calendar/index.js';
import { ticketClocks } from '../../src/tickets/clocks.js';
import { redRoutedKpi, ticketSummary, toView } from '../../src/tickets/ticket-views.js';
import { calendar, storedTicket, unit, vendor, vn } from './ticket-fixtures.js';

const clocksAt = (t: Parameters<typeof ticketClocks>[0], nowLocal: string) =>
  ticketClocks(t, calendar, defaultSlaPolicy, Date.parse(vn(nowLocal)));
const clock = (t: Parameters<typeof ticketClocks>[0], nowLocal: string, kind: string) =>
  clocksAt(t, nowLocal).clocks.find((c) => c.kind === kind);

describe('SLA clocks (wall clock for P1/P2, Vietnamese working hours for P3/P4)', () => {
  const assigned = (priority: 'P1' | 'P2' | 'P3' | 'P4', at: string, extra = {}) =>
    storedTicket({
      priority,
      status: 'assigned',
      assignee: vendor('VNPT'),
      created_at: vn(at),
      detected_at: vn(at),
      assigned_at: vn(at),
      ...extra,
    });

  it('P1: respond 15 min, fix 2 h on the wall clock, near breach at 80 %', () => {
    const t = assigned('P1', '2026-11-23T10:00:00');
    expect(clock(t, '2026-11-23T10:05:00', 'respond')).toMatchObject({
      deadline: vn('2026-11-23T10:15:00'),
      state: 'running',
    });
    expect(clock(t, '2026-11-23T10:13:00', 'respond')?.state).toBe('near_breach');
    expect(clock(t, '2026-11-23T10:16:00', 'respond')?.state).toBe('breached');
    expect(clock(t, '2026-11-23T10:16:00', 'fix')).toMatchObject({
      deadline: vn('2026-11-23T12:00:00'),
      state: 'running',
    });
    const acked = { ...t, status: 'acknowledged' as const, acknowledged_at: vn('2026-11-23T10:10:00') };
    expect(clock(acked, '2026-11-23T10:20:00', 'respond')?.state).toBe('met');
  });

  it('P2: respond 30 min, fix 4 h, even at night', () => {
    const t = assigned('P2', '2026-11-23T22:00:00');
    expect(clock(t, '2026-11-23T22:01:00', 'respond')?.deadline).toBe(vn('2026-11-23T22:30:00'));
    expect(clock(t, '2026-11-23T22:01:00', 'fix')?.deadline).toBe(vn('2026-11-24T02:00:00'));
  });

  it('P3: 2 working hours from Friday 16:30 lands on Monday 09:00; fix 8 working hours', () => {
    const t = assigned('P3', '2026-11-27T16:30:00');
    expect(clock(t, '2026-11-28T12:00:00', 'respond')).toMatchObject({
      deadline: vn('2026-11-30T09:00:00'),
      state: 'running',
    });
    // 30 min Friday + 7h30 Monday: 07:30–11:30 (4 h), 13:30–17:00 (3.5 h) → 17:00 Monday.
    expect(clock(t, '2026-11-28T12:00:00', 'fix')?.deadline).toBe(vn('2026-11-30T17:00:00'));
  });

  it('P3 across the lunar new year 2026 (14–22 February): the clock sleeps through Tết', () => {
    const t = assigned('P3', '2026-02-13T16:00:00');
    expect(clock(t, '2026-02-20T10:00:00', 'respond')).toMatchObject({
      deadline: vn('2026-02-23T08:30:00'),
      state: 'running',
    });
  });

  it('P4: respond 4 working hours; no fix clock unless a deadline is agreed', () => {
    const t = assigned('P4', '2026-11-23T14:00:00');
    expect(clock(t, '2026-11-23T14:00:00', 'respond')?.deadline).toBe(vn('2026-11-24T08:30:00'));
    expect(clock(t, '2026-11-23T14:00:00', 'fix')).toBeUndefined();
    const agreed = { ...t, deadline: vn('2026-12-01T17:00:00') };
    expect(clock(agreed, '2026-11-23T14:00:00', 'fix')?.deadline).toBe(vn('2026-12-01T17:00:00'));
  });

  it('a focal point or working group acknowledges a P3 ticket within 2 working hours, instead of the vendor SLA', () => {
    const t = storedTicket({
      priority: 'P3',
      status: 'assigned',
      assignee: unit('01'),
      assigned_at: vn('2026-11-23T16:00:00'),
    });
    const c = clock(t, '2026-11-23T16:10:00', 'acknowledge');
    expect(c?.deadline).toBe(vn('2026-11-24T08:30:00'));
    expect(c?.label.vi).toBe('Xác nhận tiếp nhận (2 giờ làm việc)');
    expect(clock(t, '2026-11-23T16:10:00', 'respond')).toBeUndefined();
  });

  it('acknowledging a P1/P2 ticket runs on the wall clock within its response time, never after its fix is due', () => {
    const t = storedTicket({
      priority: 'P1',
      status: 'assigned',
      assignee: unit('01'),
      assigned_at: vn('2026-11-23T22:30:00'),
    });
    const ack = clock(t, '2026-11-23T22:35:00', 'acknowledge');
    const fix = clock(t, '2026-11-23T22:35:00', 'fix');
    expect(ack?.deadline).toBe(vn('2026-11-23T22:45:00'));
    expect(ack?.label.vi).toBe('Xác nhận tiếp nhận (15 phút)');
    expect(fix?.deadline).toBe(vn('2026-11-24T00:30:00'));
    expect(Date.parse(ack?.deadline ?? '')).toBeLessThan(Date.parse(fix?.deadline ?? ''));
  });

  it('verify (15 min from detection) and assign (30 min from creation) clocks', () => {
    const late = storedTicket({ detected_at: vn('2026-11-23T09:00:00'), created_at: vn('2026-11-23T09:20:00') });
    expect(clock(late, '2026-11-23T09:21:00', 'verify')?.state).toBe('missed');
    const prompt = storedTicket({ detected_at: vn('2026-11-23T09:00:00'), created_at: vn('2026-11-23T09:10:00') });
    expect(clock(prompt, '2026-11-23T09:21:00', 'verify')?.state).toBe('met');
    expect(clock(prompt, '2026-11-23T09:35:00', 'assign')?.state).toBe('near_breach');
    expect(clock(prompt, '2026-11-23T09:41:00', 'assign')?.state).toBe('breached');
    const routed = {
      ...prompt,
      status: 'assigned' as const,
      assignee: vendor('VNPT'),
      assigned_at: vn('2026-11-23T09:30:00'),
    };
    expect(clock(routed, '2026-11-23T09:41:00', 'assign')?.state).toBe('met');
  });

  it('escalates after 24 h without a response from the assignee, counted from the last response', () => {
    const t = assigned('P3', '2026-11-23T10:00:00');
    expect(clocksAt(t, '2026-11-24T09:59:00').escalated).toBe(false);
    expect(clocksAt(t, '2026-11-24T10:01:00').escalated).toBe(true);
    const answered = {
      ...t,
      status: 'acknowledged' as const,
      acknowledged_at: vn('2026-11-23T11:00:00'),
      last_response_at: vn('2026-11-24T09:00:00'),
    };
    expect(clocksAt(answered, '2026-11-24T10:01:00').escalated).toBe(false);
    expect(clocksAt(answered, '2026-11-25T09:01:00').escalated).toBe(true);
  });

  it('freezes every clock when the ticket is closed', () => {
    const t = assigned('P1', '2026-11-23T10:00:00', {
      status: 'closed',
      acknowledged_at: vn('2026-11-23T10:05:00'),
      done_at: vn('2026-11-23T13:00:00'),
      closed_at: vn('2026-11-23T13:30:00'),
    });
    const { clocks, escalated } = clocksAt(t, '2026-11-30T10:00:00');
    expect(escalated).toBe(false);
    expect(clocks.find((c) => c.kind === 'respond')?.state).toBe('met');
    expect(clocks.find((c) => c.kind === 'fix')?.state).toBe('missed');
    expect(clocks.some((c) => c.kind === 'escalate')).toBe(false);
  });
});

describe('ticket views', () => {
  it('summarises open tickets for the wall tile: count, breaches, next deadline, worst priority', () => {
    const now = Date.parse(vn('2026-11-23T10:20:00'));
    const a = toView(
      storedTicket({
        id: 'A',
        priority: 'P3',
        status: 'assigned',
        assignee: vendor('VNPT'),
        created_at: vn('2026-11-23T09:55:00'),
        detected_at: vn('2026-11-23T09:55:00'),
        assigned_at: vn('2026-11-23T10:00:00'),
      }),
      calendar,
      defaultSlaPolicy,
      now,
      { system: () => undefined },
    );
    const b = toView(
      storedTicket({
        id: 'B',
        priority: 'P1',
        status: 'assigned',
        assignee: vendor('VNPT'),
        created_at: vn('2026-11-23T09:55:00'),
        detected_at: vn('2026-11-23T09:55:00'),
        assigned_at: vn('2026-11-23T10:00:00'),
      }),
      calendar,
      defaultSlaPolicy,
      now,
      { system: () => undefined },
    );
    const s = ticketSummary([a, b]);
    expect(s).toMatchObject({
      open: 2,
      breached: 1,
      worst_priority: 'P1',
      next_deadline_kind: 'respond',
      next_deadline: vn('2026-11-23T10:15:00'),
    });
  });

  it('computes the % of red issues routed within 24 h against the 95 % target', () => {
    const now = Date.parse(vn('2026-11-25T12:00:00'));
    const red = (id: string, detected: string, assigned: string | null) =>
      storedTicket({
        id,
        colour: 'red',
        detected_at: vn(detected),
        assigned_at: assigned ? vn(assigned) : null,
        assignee: assigned ? vendor('VNPT') : null,
      });
    const kpi = redRoutedKpi(
      [
        red('1', '2026-11-23T09:00:00', '2026-11-23T09:20:00'),
        red('2', '2026-11-23T09:00:00', '2026-11-24T10:00:00'),
        red('3', '2026-11-23T09:00:00', null),
        red('4', '2026-11-25T11:00:00', null),
        storedTicket({ id: '5', colour: 'yellow', detected_at: vn('2026-11-23T09:00:00') }),
      ],
      now,
    );
    expect(kpi).toMatchObject({ red_issues: 3, routed_within_24h: 1, target: 0.95, meets_target: false });
    expect(kpi.ratio).toBeCloseTo(1 / 3);
  });

  it('counts a unit red for 24 h with no ticket as a red issue that was not routed', () => {
    const now = Date.parse(vn('2026-11-25T12:00:00'));
    const routed = storedTicket({
      id: 'r1',
      unit_code: '01',
      colour: 'red',
      created_at: vn('2026-11-23T09:05:00'),
      detected_at: vn('2026-11-23T09:00:00'),
      assigned_at: vn('2026-11-23T09:20:00'),
      assignee: vendor('VNPT'),
    });
    const h = 3_600_000;
    const at = (s: string) => Date.parse(vn(s));
    const kpi = redRoutedKpi([routed], now, 30, [
      // Hà Nội's spell is the ticket's: judged through the ticket.
      { code: '01', fromMs: at('2026-11-23T09:00:00'), toMs: at('2026-11-24T09:00:00') },
      // Đà Nẵng red for 30 h, nobody opened a ticket: not routed.
      { code: '48', fromMs: at('2026-11-23T12:00:00'), toMs: at('2026-11-23T12:00:00') + 30 * h },
      // Huế still red after 26 h without a ticket: not routed either.
      { code: '46', fromMs: now - 26 * h, toMs: null },
      // A 3-hour spell that ended on its own, and one only 5 h old: not judged.
      { code: '79', fromMs: at('2026-11-24T01:00:00'), toMs: at('2026-11-24T04:00:00') },
      { code: '92', fromMs: now - 5 * h, toMs: null },
    ]);
    expect(kpi).toMatchObject({ red_issues: 3, red_without_ticket: 2, routed_within_24h: 1, meets_target: false });
  });
});
