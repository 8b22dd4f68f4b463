import { describe, expect, it } from 'vitest';
import {
  clockState,
  deadlineFor,
  slaDeadlines,
  ticketDeadlines,
  type ClockInput,
} from '../../src/calendar/sla-clock.js';
import { defaultSlaPolicy, wall, working } from '../../src/calendar/sla-policy.js';
import { hr, min, realCalendar, vn } from '../support/calendar.js';

const cal = realCalendar();

describe('slaDeadlines per priority (default policy)', () => {
  it('P1: 15 min / 2 h on the wall clock, even at night and at weekends', () => {
    expect(slaDeadlines(cal, 'P1', vn('2025-03-15 22:00'))).toEqual({
      priority: 'P1',
      respondBy: vn('2025-03-15 22:15'),
      fixBy: vn('2025-03-16 00:00'),
      fixByAgreement: false,
    });
  });

  it('P2: 30 min / 4 h on the wall clock, straight through lunch', () => {
    const d = slaDeadlines(cal, 'P2', vn('2025-03-18 11:00'));
    expect(d.respondBy).toEqual(vn('2025-03-18 11:30'));
    expect(d.fixBy).toEqual(vn('2025-03-18 15:00'));
  });

  it('P3: 2 / 8 working hours, Friday 16:30 → Monday 09:00 / Monday 17:00', () => {
    const d = slaDeadlines(cal, 'P3', vn('2025-03-14 16:30'));
    expect(d.respondBy).toEqual(vn('2025-03-17 09:00'));
    expect(d.fixBy).toEqual(vn('2025-03-17 17:00'));
  });

  it('P4: 4 working hours to respond, no fix deadline without an agreement', () => {
    const d = slaDeadlines(cal, 'P4', vn('2025-03-14 16:30'));
    expect(d.respondBy).toEqual(vn('2025-03-17 11:00'));
    expect(d.fixBy).toBeUndefined();
    expect(d.fixByAgreement).toBe(false);
  });

  it('P4: an agreed fix deadline is used as given', () => {
    const agreed = vn('2025-03-28 17:00');
    const d = slaDeadlines(cal, 'P4', vn('2025-03-14 16:30'), { agreedFixBy: agreed });
    expect(d.fixBy).toEqual(agreed);
    expect(d.fixByAgreement).toBe(true);
  });

  it('an agreed deadline does not override a policy timer', () => {
    const d = slaDeadlines(cal, 'P1', vn('2025-03-18 10:00'), { agreedFixBy: vn('2025-03-28 17:00') });
    expect(d.fixBy).toEqual(vn('2025-03-18 12:00'));
    expect(d.fixByAgreement).toBe(false);
  });

  it('takes durations from a supplied policy', () => {
    const policy = {
      ...defaultSlaPolicy,
      priorities: { ...defaultSlaPolicy.priorities, P4: { respond: working(hr(1)), fix: working(hr(16)) } },
    };
    const d = slaDeadlines(cal, 'P4', vn('2025-03-18 16:30'), { policy });
    expect(d.respondBy).toEqual(vn('2025-03-19 08:00'));
    expect(d.fixBy).toEqual(vn('2025-03-21 08:00')); // 0.5 + 7.5 + 7.5 + 0.5 h
  });
});

describe('clockState', () => {
  // P3 respond clock: 2 working hours from Friday 16:30, deadline Monday 09:00.
  const p3 = (now: string, extra: Partial<ClockInput> = {}): ReturnType<typeof clockState> =>
    clockState(cal, { startedAt: vn('2025-03-14 16:30'), budget: working(hr(2)), now: vn(now), ...extra });

  it('runs, and does not consume budget over the weekend', () => {
    const s = p3('2025-03-15 12:00');
    expect(s.state).toBe('running');
    expect(s.elapsedMs).toBe(min(30));
    expect(s.fraction).toBeCloseTo(0.25);
    expect(s.remainingMs).toBe(min(90));
    expect(s.deadline).toEqual(vn('2025-03-17 09:00'));
  });

  it('turns near_breach at 80 % of the budget (96 working minutes: Monday 08:36)', () => {
    expect(p3('2025-03-17 08:35').state).toBe('running');
    expect(p3('2025-03-17 08:36').state).toBe('near_breach');
    expect(p3('2025-03-17 08:36').nearBreachAt).toEqual(vn('2025-03-17 08:36'));
  });

  it('is still near_breach at the deadline itself and breached right after', () => {
    expect(p3('2025-03-17 09:00').state).toBe('near_breach');
    const late = p3('2025-03-17 10:00');
    expect(late.state).toBe('breached');
    expect(late.remainingMs).toBe(-min(60));
    expect(late.fraction).toBeCloseTo(1.5);
  });

  it('honours a custom near fraction', () => {
    expect(p3('2025-03-17 08:00', { nearFraction: 0.5 }).state).toBe('near_breach');
    expect(p3('2025-03-17 07:59', { nearFraction: 0.5 }).state).toBe('running');
  });

  it('is met when stopped by the deadline and keeps that verdict later', () => {
    const s = p3('2025-03-20 10:00', { stoppedAt: vn('2025-03-17 08:59') });
    expect(s.state).toBe('met');
    expect(s.elapsedMs).toBe(min(119));
    expect(p3('2025-03-17 09:00', { stoppedAt: vn('2025-03-17 09:00') }).state).toBe('met');
  });

  it('is missed when stopped after the deadline', () => {
    const s = p3('2025-03-20 10:00', { stoppedAt: vn('2025-03-17 09:30') });
    expect(s.state).toBe('missed');
    expect(s.remainingMs).toBe(-min(30));
  });

  it('ignores a stop that lies after now (replaying history)', () => {
    expect(p3('2025-03-17 08:00', { stoppedAt: vn('2025-03-17 08:59') }).state).toBe('running');
  });

  it('moves a P1 wall clock through running → near_breach → breached', () => {
    const p1 = (now: string) =>
      clockState(cal, { startedAt: vn('2025-03-15 23:00'), budget: wall(min(15)), now: vn(now) });
    expect(p1('2025-03-15 23:11').state).toBe('running');
    expect(p1('2025-03-15 23:12').state).toBe('near_breach');
    expect(p1('2025-03-15 23:16').state).toBe('breached');
    expect(p1('2025-03-15 23:16').deadline).toEqual(vn('2025-03-15 23:15'));
  });

  it('rejects inconsistent input', () => {
    expect(() => p3('2025-03-17 08:00', { nearFraction: 0 })).toThrow(/nearFraction/);
    expect(() => p3('2025-03-17 08:00', { stoppedAt: vn('2025-03-14 16:00') })).toThrow(/before startedAt/);
    expect(() => deadlineFor(cal, vn('2025-03-17 08:00'), wall(0))).toThrow(/positive/);
  });
});

describe('ticket workflow clocks', () => {
  const assignedAt = vn('2025-03-14 16:30');

  it('verify 15 min, assign 30 min, acknowledge 2 working hours, escalate after 24 h wall clock', () => {
    const d = ticketDeadlines(cal, {
      detectedAt: vn('2025-03-14 15:50'),
      createdAt: vn('2025-03-14 16:00'),
      assignedAt,
    });
    expect(d.verifyBy).toEqual(vn('2025-03-14 16:05'));
    expect(d.assignBy).toEqual(vn('2025-03-14 16:30'));
    expect(d.acknowledgeBy).toEqual(vn('2025-03-17 09:00'));
    expect(d.escalateAt).toEqual(vn('2025-03-15 16:30')); // Saturday: escalation ignores office hours
  });

  it('counts escalation from the latest response', () => {
    const d = ticketDeadlines(cal, { assignedAt, lastResponseAt: vn('2025-03-17 10:00') });
    expect(d.escalateAt).toEqual(vn('2025-03-18 10:00'));
    expect(d.verifyBy).toBeUndefined();
  });

  it('breaches the escalation clock one instant after 24 h without response', () => {
    const at = (now: Date) =>
      clockState(cal, { startedAt: assignedAt, budget: defaultSlaPolicy.escalateAfter, now }).state;
    expect(at(new Date(assignedAt.getTime() + hr(24)))).toBe('near_breach');
    expect(at(new Date(assignedAt.getTime() + hr(24) + 1))).toBe('breached');
  });
});
