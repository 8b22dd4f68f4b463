import { describe, expect, it } from 'vitest';
import {
  cadenceWindow,
  DEFAULT_TASK_THRESHOLDS,
  effectiveStatus,
  taskProgressReasons,
  type AssignmentProgress,
} from '../../src/tasks/progress.js';
import { TaskUpdateSchema, TaskVerifySchema } from '../../src/tasks/updates.js';
import { toFieldIssues } from '../../src/ingest/issues.js';

const weekdays = () => true;
/** Vietnam local time → epoch ms. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

function a(task: number, over: Partial<AssignmentProgress> = {}): AssignmentProgress {
  return {
    task,
    phase: 2,
    unit_code: '01',
    deadline: '2026-12-31',
    status: 'in_progress',
    percent: 50,
    description: '',
    difficulties: [],
    updated_at: null,
    updated_by: null,
    verification: { state: 'unverified', by: null, at: null, reason: null },
    version: 0,
    ...over,
  };
}

describe('overdue', () => {
  it('a passed deadline makes a task "Chậm tiến độ" whatever its reported status, unless completed', () => {
    expect(effectiveStatus(a(1, { deadline: '2026-06-30', status: 'in_progress' }), '2026-07-01')).toBe('behind');
    expect(effectiveStatus(a(1, { deadline: '2026-06-30', status: 'done', percent: 100 }), '2026-07-01')).toBe('done');
    expect(effectiveStatus(a(1, { deadline: '2026-06-30', status: 'paused' }), '2026-06-30')).toBe('paused');
    expect(effectiveStatus(a(1, { deadline: null, status: 'not_started' }), '2030-01-01')).toBe('not_started');
  });

  it('one overdue task turns the unit yellow and names it; three turn it red', () => {
    const now = vn('2026-12-04T10:00:00');
    const fresh = { updated_at: new Date(now - 3_600_000).toISOString() };
    const one = taskProgressReasons(
      [a(7, { deadline: '2026-11-30', ...fresh }), a(8, fresh)],
      now,
      DEFAULT_TASK_THRESHOLDS,
      weekdays,
    );
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ indicator: 'task_progress', rule: 'overdue', status: 'yellow', value: 1 });
    expect(one[0]?.message.vi).toBe('1 nhiệm vụ chậm tiến độ: NV 7');
    const three = taskProgressReasons(
      [7, 8, 9].map((n) => a(n, { deadline: '2026-11-30', ...fresh })),
      now,
      DEFAULT_TASK_THRESHOLDS,
      weekdays,
    );
    expect(three[0]).toMatchObject({ status: 'red', value: 3 });
    expect(three[0]?.message.vi).toBe('3 nhiệm vụ chậm tiến độ: NV 7, NV 8, NV 9');
  });

  it('an overdue critical task is red on its own, and the thresholds are configurable', () => {
    const now = vn('2026-12-04T10:00:00');
    const fresh = { updated_at: new Date(now - 3_600_000).toISOString() };
    const crit = taskProgressReasons(
      [a(24, { deadline: '2025-06-20', ...fresh })],
      now,
      DEFAULT_TASK_THRESHOLDS,
      weekdays,
    );
    expect(crit[0]).toMatchObject({ status: 'red' });
    expect(crit[0]?.message.vi).toContain('trọng yếu: NV 24');
    const lenient = { ...DEFAULT_TASK_THRESHOLDS, yellowAtOverdue: 2, criticalOverdue: 'yellow' as const };
    expect(taskProgressReasons([a(24, { deadline: '2025-06-20', ...fresh })], now, lenient, weekdays)).toEqual([]);
  });
});

describe('report cadence (handbook 7.2) on an injected clock', () => {
  // Thursday 3 December 2026.
  const thu = (hhmm: string) => vn(`2026-12-03T${hhmm}:00`);

  it('breakthrough-phase tasks are due weekly before 16:00 on Thursday', () => {
    const w = cadenceWindow(2, thu('16:01'), '16:00', weekdays);
    expect(new Date(w.due).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(new Date(w.previous).toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('the flag appears at 16:01 on Thursday for a unit that last reported before the previous Thursday', () => {
    const lastWeek = a(50, { updated_at: new Date(vn('2026-11-26T15:00:00')).toISOString() });
    expect(taskProgressReasons([lastWeek], thu('15:59'), DEFAULT_TASK_THRESHOLDS, weekdays)).toEqual([]);
    const at1601 = taskProgressReasons([lastWeek], thu('16:01'), DEFAULT_TASK_THRESHOLDS, weekdays);
    expect(at1601).toHaveLength(1);
    expect(at1601[0]).toMatchObject({ rule: 'cadence_missed', status: 'yellow', value: 1 });
    expect(at1601[0]?.message.vi).toContain('trước 16:00');
    const reportedThisWeek = a(50, { updated_at: new Date(vn('2026-12-01T09:00:00')).toISOString() });
    expect(taskProgressReasons([reportedThisWeek], thu('16:01'), DEFAULT_TASK_THRESHOLDS, weekdays)).toEqual([]);
  });

  it('urgent-phase tasks are due daily on working days only', () => {
    const weekendOff = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    // Monday 7 Dec 2026 at 16:30: due Monday 16:00, previous due Friday 16:00 (the weekend is skipped).
    const w = cadenceWindow(1, vn('2026-12-07T16:30:00'), '16:00', weekendOff);
    expect(new Date(w.due).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(new Date(w.previous).toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });

  it('a completed task owes no more reports', () => {
    const done = a(50, { status: 'done', percent: 100, updated_at: null });
    expect(taskProgressReasons([done], thu('16:01'), DEFAULT_TASK_THRESHOLDS, weekdays)).toEqual([]);
  });
});

describe('update validation', () => {
  it('accepts exactly the five handbook statuses and the three difficulty classes', () => {
    for (const status of ['not_started', 'in_progress', 'behind', 'paused'])
      expect(TaskUpdateSchema.safeParse({ status, percent: 10 }).success).toBe(true);
    expect(TaskUpdateSchema.safeParse({ status: 'done', percent: 100 }).success).toBe(true);
    expect(TaskUpdateSchema.safeParse({ status: 'cancelled', percent: 10 }).success).toBe(false);
    expect(
      TaskUpdateSchema.safeParse({ status: 'paused', percent: 0, difficulties: [{ class: 'budget', text: 'x' }] })
        .success,
    ).toBe(false);
  });

  it('names the field and says why in Vietnamese and English', () => {
    const r = TaskUpdateSchema.safeParse({ status: 'in_progress', percent: 100 });
    if (r.success) throw new Error('expected a failure');
    const [issue] = toFieldIssues(r.error);
    expect(issue).toMatchObject({ path: 'status', reason: 'hundred_needs_done' });
    expect(issue?.message.vi).toContain('Đã hoàn thành');
    const pct = TaskUpdateSchema.safeParse({ status: 'in_progress', percent: 101 });
    if (pct.success) throw new Error('expected a failure');
    expect(toFieldIssues(pct.error)[0]?.path).toBe('percent');
  });

  it('a rejection without a reason is refused', () => {
    expect(TaskVerifySchema.safeParse({ decision: 'rejected', reason: ' ' }).success).toBe(false);
    expect(TaskVerifySchema.safeParse({ decision: 'verified' }).success).toBe(true);
  });
});
