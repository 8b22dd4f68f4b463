/**
 * SLA clocks: deadlines from a budget, and the state of a clock at a given
 * "now". Pure — the caller supplies every instant, so the wall, the alerting
 * job and replays of history all see the same answer.
 */
import { bilingual } from './messages.js';
import { defaultSlaPolicy, type ClockBudget, type Priority, type SlaPolicy } from './sla-policy.js';
import { assertValidDate } from './time.js';
import type { WorkingCalendar } from './working-calendar.js';
import { addWorkingTime, workingTimeBetween } from './working-time.js';

export type ClockStateName = 'running' | 'near_breach' | 'breached' | 'met' | 'missed';

export interface ClockInput {
  startedAt: Date;
  budget: ClockBudget;
  /** When the clock was satisfied (responded, fixed…). Ignored while later than `now`. */
  stoppedAt?: Date;
  now: Date;
  /** Defaults to the default policy's 0.8. */
  nearFraction?: number;
}

export interface ClockState {
  deadline: Date;
  /** When the clock turns near_breach; lets a scheduler wake up exactly then. */
  nearBreachAt: Date;
  /** Budget time consumed (working time for working clocks), up to the stop or `now`. */
  elapsedMs: number;
  /** Negative once overdue. */
  remainingMs: number;
  /** elapsed / budget; above 1 once overdue. */
  fraction: number;
  state: ClockStateName;
}

function assertBudget(budget: ClockBudget): void {
  if (!Number.isFinite(budget.ms) || budget.ms <= 0) {
    throw new RangeError(
      bilingual('thời hạn phải dương', `clock budget must be a positive number of ms, got ${budget.ms}`),
    );
  }
}

/** The instant a budget runs out when started at `start`. */
export function deadlineFor(cal: WorkingCalendar, start: Date, budget: ClockBudget): Date {
  assertBudget(budget);
  const startMs = assertValidDate(start, 'start');
  return budget.kind === 'wall' ? new Date(startMs + budget.ms) : addWorkingTime(cal, start, budget.ms);
}

function elapsedBetween(cal: WorkingCalendar, kind: ClockBudget['kind'], a: Date, b: Date): number {
  const ms = kind === 'wall' ? b.getTime() - a.getTime() : workingTimeBetween(cal, a, b);
  return Math.max(0, ms);
}

export function clockState(cal: WorkingCalendar, input: ClockInput): ClockState {
  const { startedAt, budget, stoppedAt, now } = input;
  const nearFraction = input.nearFraction ?? defaultSlaPolicy.nearFraction;
  if (!(nearFraction > 0 && nearFraction <= 1)) {
    throw new RangeError(
      bilingual('ngưỡng cảnh báo phải trong (0, 1]', `nearFraction must be in (0, 1], got ${nearFraction}`),
    );
  }
  const startMs = assertValidDate(startedAt, 'startedAt');
  const nowMs = assertValidDate(now, 'now');
  const stopMs = stoppedAt === undefined ? undefined : assertValidDate(stoppedAt, 'stoppedAt');
  if (stopMs !== undefined && stopMs < startMs) {
    throw new RangeError(bilingual('thời điểm dừng trước thời điểm bắt đầu', 'stoppedAt is before startedAt'));
  }
  const deadline = deadlineFor(cal, startedAt, budget);
  const nearBreachAt = deadlineFor(cal, startedAt, { kind: budget.kind, ms: budget.ms * nearFraction });
  // A stop later than `now` has not happened yet from now's point of view (replays).
  const stopped = stopMs !== undefined && stopMs <= nowMs;
  const end = stopped && stoppedAt ? stoppedAt : now;
  const elapsedMs = elapsedBetween(cal, budget.kind, startedAt, end);
  const fraction = elapsedMs / budget.ms;
  let state: ClockStateName;
  if (stopped) {
    // Meeting the deadline to the millisecond counts as met: "within 15 minutes".
    state = end.getTime() <= deadline.getTime() ? 'met' : 'missed';
  } else if (nowMs > deadline.getTime()) {
    state = 'breached';
  } else {
    state = fraction >= nearFraction ? 'near_breach' : 'running';
  }
  return { deadline, nearBreachAt, elapsedMs, remainingMs: budget.ms - elapsedMs, fraction, state };
}

export interface SlaDeadlines {
  priority: Priority;
  respondBy: Date;
  /** Undefined for "by agreement" (P4) unless an agreed deadline was given. */
  fixBy: Date | undefined;
  /** True when the fix deadline is a negotiated one rather than a policy timer. */
  fixByAgreement: boolean;
}

export interface SlaOptions {
  policy?: SlaPolicy;
  /** The negotiated fix deadline; used only where the policy says "by agreement". */
  agreedFixBy?: Date;
}

/** Respond and fix deadlines for an incident of `priority` created at `createdAt`. */
export function slaDeadlines(
  cal: WorkingCalendar,
  priority: Priority,
  createdAt: Date,
  options: SlaOptions = {},
): SlaDeadlines {
  const clocks = (options.policy ?? defaultSlaPolicy).priorities[priority];
  const respondBy = deadlineFor(cal, createdAt, clocks.respond);
  if (clocks.fix) {
    return { priority, respondBy, fixBy: deadlineFor(cal, createdAt, clocks.fix), fixByAgreement: false };
  }
  const agreed = options.agreedFixBy;
  if (agreed !== undefined) assertValidDate(agreed, 'agreedFixBy');
  return { priority, respondBy, fixBy: agreed, fixByAgreement: agreed !== undefined };
}

export interface TicketMilestones {
  detectedAt?: Date;
  createdAt?: Date;
  assignedAt?: Date;
  /** Last comment/feedback from the assignee; escalation counts from here (or from assignment). */
  lastResponseAt?: Date;
}

export interface TicketDeadlines {
  verifyBy?: Date;
  assignBy?: Date;
  acknowledgeBy?: Date;
  escalateAt?: Date;
}

/** Deadlines of the ticket workflow (Phát hiện → Phân luồng → Xử lý); each needs its starting milestone. */
export function ticketDeadlines(
  cal: WorkingCalendar,
  milestones: TicketMilestones,
  policy: SlaPolicy = defaultSlaPolicy,
): TicketDeadlines {
  const result: TicketDeadlines = {};
  const { detectedAt, createdAt, assignedAt, lastResponseAt } = milestones;
  if (detectedAt) result.verifyBy = deadlineFor(cal, detectedAt, policy.verify);
  if (createdAt) result.assignBy = deadlineFor(cal, createdAt, policy.assign);
  if (assignedAt) result.acknowledgeBy = deadlineFor(cal, assignedAt, policy.acknowledge);
  const quietSince = latest(assignedAt, lastResponseAt);
  if (quietSince) result.escalateAt = deadlineFor(cal, quietSince, policy.escalateAfter);
  return result;
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
