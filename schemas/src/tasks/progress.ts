import { bilingual } from '../i18n.js';
import type { Reason } from '../status/status.js';
import { addDays, vnLocalDate, vnMidnight, DAY_MS } from '../time.js';
import type { DifficultyClass, TaskPhase, TaskStatus } from './model.js';
import type { Difficulty } from './updates.js';

/** What the Monitoring team decided about the last update ("chưa xác minh" until then). */
export interface Verification {
  state: 'unverified' | 'verified' | 'rejected';
  by: string | null;
  at: string | null;
  reason: string | null;
}

/** One unit's progress on one task: the projection of the task events. */
export interface AssignmentProgress {
  task: number;
  phase: TaskPhase;
  unit_code: string;
  deadline: string | null;
  status: TaskStatus;
  percent: number;
  description: string;
  difficulties: Difficulty[];
  updated_at: string | null;
  updated_by: string | null;
  verification: Verification;
  /** The event-log sequence of the last change (If-Match). */
  version: number;
}

/**
 * Tasks whose delay blocks a national target of digest §2.1 (services on the
 * National Portal, the single TTHC system, the 12 databases, electronic work
 * files, the 82 groups / 1,139 TTHC): one overdue is enough to turn the unit red.
 */
export const CRITICAL_TASKS: ReadonlySet<number> = new Set([22, 24, 32, 65, 72, 79]);

export interface TaskProgressThresholds {
  yellowAtOverdue: number;
  redAtOverdue: number;
  criticalOverdue: 'red' | 'yellow';
  cadenceMissed: 'red' | 'yellow';
  /** Reports are due before this local time (handbook 7.2: 16h00). */
  dueLocal: string;
}

export const DEFAULT_TASK_THRESHOLDS: TaskProgressThresholds = {
  yellowAtOverdue: 1,
  redAtOverdue: 3,
  criticalOverdue: 'red',
  cadenceMissed: 'yellow',
  dueLocal: '16:00',
};

/** Deadline passed and not completed → overdue, whatever the status says. */
export function isOverdue(a: Pick<AssignmentProgress, 'deadline' | 'status'>, todayLocal: string): boolean {
  return a.deadline !== null && a.deadline < todayLocal && a.status !== 'done';
}

/** The status the wall shows: an overdue task is "Chậm tiến độ". */
export function effectiveStatus(a: Pick<AssignmentProgress, 'deadline' | 'status'>, todayLocal: string): TaskStatus {
  return isOverdue(a, todayLocal) ? 'behind' : a.status;
}

function dueAt(localDate: string, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return vnMidnight(localDate) + ((h ?? 16) * 60 + (m ?? 0)) * 60_000;
}

/**
 * The last two report deadlines at or before `now`: urgent-phase tasks daily
 * on working days, breakthrough-phase tasks weekly on Thursday (handbook 7.2).
 * A unit missed the cadence when it sent nothing between them.
 */
export function cadenceWindow(
  phase: TaskPhase,
  now: number,
  dueLocal: string,
  isWorkingDay: (localDate: string) => boolean,
): { previous: number; due: number } {
  const dues: number[] = [];
  let day = vnLocalDate(now);
  for (let i = 0; i < 60 && dues.length < 2; i++, day = addDays(day, -1)) {
    const weekday = new Date(vnMidnight(day) + 7 * 3_600_000).getUTCDay();
    const isDueDay = phase === 1 ? isWorkingDay(day) : weekday === 4;
    const at = dueAt(day, dueLocal);
    if (isDueDay && at <= now) dues.push(at);
  }
  return { due: dues[0] ?? now, previous: dues[1] ?? now - 7 * DAY_MS };
}

export function missedCadence(
  a: AssignmentProgress,
  now: number,
  dueLocal: string,
  isWorkingDay: (localDate: string) => boolean,
): boolean {
  if (a.status === 'done') return false;
  const { previous } = cadenceWindow(a.phase, now, dueLocal, isWorkingDay);
  return a.updated_at === null || Date.parse(a.updated_at) <= previous;
}

const list = (tasks: number[]) => tasks.map((n) => `NV ${n}`).join(', ');

/** The task_progress reasons of one unit's colour (empty = nothing to say). */
export function taskProgressReasons(
  assignments: readonly AssignmentProgress[],
  now: number,
  t: TaskProgressThresholds,
  isWorkingDay: (localDate: string) => boolean,
): Reason[] {
  const today = vnLocalDate(now);
  const overdue = assignments.filter((a) => isOverdue(a, today)).sort((a, b) => a.task - b.task);
  const reasons: Reason[] = [];
  if (overdue.length >= t.yellowAtOverdue && overdue.length > 0) {
    const critical = overdue.filter((a) => CRITICAL_TASKS.has(a.task));
    const status =
      overdue.length >= t.redAtOverdue || (critical.length > 0 && t.criticalOverdue === 'red') ? 'red' : 'yellow';
    const nums = overdue.map((a) => a.task);
    const since = overdue.map((a) => a.deadline ?? today).sort()[0] ?? today;
    reasons.push({
      indicator: 'task_progress',
      rule: 'overdue',
      status,
      value: overdue.length,
      threshold: status === 'red' && overdue.length < t.redAtOverdue ? 1 : t.yellowAtOverdue,
      comparator: '>=',
      unit: 'count',
      since: new Date(vnMidnight(addDays(since, 1))).toISOString(),
      message: bilingual(
        `${overdue.length} nhiệm vụ chậm tiến độ: ${list(nums)}${critical.length > 0 ? ` (trọng yếu: ${list(critical.map((a) => a.task))})` : ''}`,
        `${overdue.length} task(s) overdue: ${list(nums)}${critical.length > 0 ? ` (critical: ${list(critical.map((a) => a.task))})` : ''}`,
      ),
    });
  }
  const missed = assignments.filter((a) => missedCadence(a, now, t.dueLocal, isWorkingDay)).map((a) => a.task);
  if (missed.length > 0) {
    reasons.push({
      indicator: 'task_progress',
      rule: 'cadence_missed',
      status: t.cadenceMissed,
      value: missed.length,
      threshold: null,
      comparator: null,
      unit: 'count',
      since: null,
      message: bilingual(
        `Chưa cập nhật tiến độ đúng hạn (trước ${t.dueLocal}) cho ${missed.length} nhiệm vụ: ${list(missed.slice(0, 8))}${missed.length > 8 ? '…' : ''}`,
        `Progress not updated on time (before ${t.dueLocal}) for ${missed.length} task(s): ${list(missed.slice(0, 8))}${missed.length > 8 ? '…' : ''}`,
      ),
    });
  }
  return reasons;
}

/** Difficulties that need the Command Center's direction (handbook: liên ngành, vượt thẩm quyền). */
export const NEEDS_DIRECTION: ReadonlySet<DifficultyClass> = new Set(['cross_sector', 'institutional']);
