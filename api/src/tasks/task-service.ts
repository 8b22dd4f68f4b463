import { randomUUID } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import {
  bilingual,
  fanOut,
  SUBJECTS,
  taskProgressReasons,
  unresolvedLeads,
  type AssignmentProgress,
  type AssignmentView,
  type PlanTask,
  type ProgressSummary,
  type Reason,
  type TaskAssign,
  type TaskCreate,
  type TaskProgressThresholds,
  type TaskUpdate,
  type TaskReportSection,
  type TaskVerify,
  type TaskView,
  type WorkflowEvent,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Principal } from '../auth/principal.js';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';
import { AppliedCommandKeys, commandDigest, idempotencyConflict } from '../tickets/command-keys.js';
import { assignmentEntityId, taskEntityId, TaskProjection, type StoredTask } from './projection.js';
import { assignmentView, progressSummary, taskView, type ViewContext } from './task-views.js';
import { reportSection } from './task-report.js';

/** The reports see every unit, as the Command Center does. */
const COMMAND_CENTER_VIEW: Principal = { id: 'reports', username: 'reports', name: 'Báo cáo', role: 'cc_analysis' };

export interface TaskServiceDeps {
  log: EventLog;
  registry: Registry;
  now: () => number;
  isWorkingDay: (localDate: string) => boolean;
  /** Colour rules of the task_progress indicator (config/status-thresholds.json `taskProgress`). */
  thresholds: (unitCode?: string) => TaskProgressThresholds;
}

export interface TaskFilter {
  phase?: 1 | 2;
  group?: number;
  unit?: string;
  status?: string;
  overdue?: boolean;
}

const VERIFIERS = new Set(['cc_monitoring', 'cc_lead']);
const ASSIGNERS = new Set(['cc_lead', 'cc_coordination']);

/** The unit a focal account speaks for; undefined = a Command Center or read-only account that sees all. */
function ownUnit(p: Principal): string | undefined {
  if (p.role === 'unit_focal') return p.unitCode ?? '';
  if (p.role === 'vendor_focal') return p.vendorCode ?? '';
  return undefined;
}

const forbidden = (vi: string, en: string) => new DomainError('FORBIDDEN', 403, bilingual(vi, en));
const notFound = (vi: string, en: string) => new DomainError('NOT_FOUND', 404, bilingual(vi, en));

/**
 * Plan 02 tasks as event-sourced records on the workflow log: focal points
 * report progress for their own unit's assignments, the Monitoring team
 * verifies, the Command Center adds tasks and reassigns. Every change is an
 * audit event; the status engine reads the unit's task_progress reasons.
 */
export class TaskService {
  private readonly projection: TaskProjection;
  private readonly keys = new AppliedCommandKeys();
  private readonly listeners = new Set<(unitCodes: string[]) => void>();

  constructor(private readonly deps: TaskServiceDeps) {
    this.projection = new TaskProjection(deps.registry);
    deps.log.on('task', (e, seq) => {
      this.keys.record(e.entity_id, e.data.idempotency_key, e.data.request_digest);
      const before = this.projection.tasks.get(Number(e.data.task));
      const units = new Set(before ? before.assignments.keys() : []);
      const t = this.projection.apply(e, seq);
      if (!t) return;
      for (const u of t.assignments.keys()) units.add(u);
      for (const fn of this.listeners) fn([...units]);
    });
  }

  /** Called with the units whose tasks changed; returns the unsubscribe. */
  onChange(fn: (unitCodes: string[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private ctx(): ViewContext {
    return {
      now: this.deps.now(),
      dueLocal: this.deps.thresholds().dueLocal,
      isWorkingDay: this.deps.isWorkingDay,
      registry: this.deps.registry,
    };
  }

  private task(n: number): StoredTask {
    const t = this.projection.tasks.get(n);
    if (!t) throw notFound(`Không có nhiệm vụ số ${n}.`, `No task number ${n}.`);
    return t;
  }

  list(p: Principal, filter: TaskFilter = {}): TaskView[] {
    const ctx = this.ctx();
    const own = ownUnit(p);
    return [...this.projection.tasks.values()]
      .filter((t) => filter.phase === undefined || t.phase === filter.phase)
      .filter((t) => filter.group === undefined || t.group === filter.group)
      .map((t) =>
        taskView(
          t,
          ctx,
          (a) => (own === undefined || a.unit_code === own) && (!filter.unit || a.unit_code === filter.unit),
        ),
      )
      .map((t) => ({
        ...t,
        assignments: t.assignments.filter(
          (a) =>
            (filter.status === undefined || a.effective_status === filter.status) &&
            (filter.overdue === undefined || a.overdue === filter.overdue),
        ),
      }))
      .filter(
        (t) => t.assignments.length > 0 || (own === undefined && !filter.unit && !filter.status && !filter.overdue),
      )
      .sort((a, b) => a.number - b.number);
  }

  get(p: Principal, n: number): TaskView {
    const own = ownUnit(p);
    const t = this.task(n);
    if (own !== undefined && !t.assignments.has(own))
      throw forbidden('Nhiệm vụ này không giao cho đơn vị của tài khoản.', 'This task is not assigned to your unit.');
    return taskView(t, this.ctx(), (a) => own === undefined || a.unit_code === own);
  }

  summary(p: Principal): ProgressSummary {
    return progressSummary(this.list(p), this.deps.now());
  }

  /** A focal point's report on their own unit's task (handbook 7.2). */
  async update(
    p: Principal,
    n: number,
    unit: string,
    update: TaskUpdate,
    opts: { idempotencyKey: string; expectedVersion?: number },
  ): Promise<AssignmentView> {
    const a = this.assignment(n, unit);
    if (ownUnit(p) !== unit)
      throw forbidden(
        'Chỉ đầu mối của đơn vị được giao mới cập nhật tiến độ nhiệm vụ này.',
        'Only the assigned unit’s focal point can update this task.',
      );
    await this.append(p, a, 'progress_updated', { update }, opts, {
      before: { status: a.status, percent: a.percent },
      after: { status: update.status, percent: update.percent },
    });
    return assignmentView(this.assignment(n, unit), this.ctx());
  }

  /** The Monitoring team verifies or returns the last update (with a reason). */
  async verify(
    p: Principal,
    n: number,
    unit: string,
    v: TaskVerify,
    opts: { idempotencyKey: string; expectedVersion?: number },
  ): Promise<AssignmentView> {
    if (!VERIFIERS.has(p.role))
      throw forbidden(
        'Chỉ Tổ Giám sát xác minh cập nhật tiến độ.',
        'Only the Monitoring team verifies progress updates.',
      );
    const a = this.assignment(n, unit);
    if (a.updated_at === null)
      throw new DomainError(
        'CONFLICT',
        409,
        bilingual('Đơn vị chưa gửi cập nhật nào để xác minh.', 'The unit has sent no update to verify.'),
      );
    const type = v.decision === 'verified' ? 'progress_verified' : 'progress_rejected';
    await this.append(p, a, type, { reason: v.reason }, opts, {
      before: { verification: a.verification.state },
      after: { verification: v.decision },
    });
    return assignmentView(this.assignment(n, unit), this.ctx());
  }

  /** Command Center: replace a task's assignments (units and per-unit deadlines), with a reason. */
  async assign(p: Principal, n: number, input: TaskAssign, opts: { idempotencyKey: string }): Promise<TaskView> {
    if (!ASSIGNERS.has(p.role))
      throw forbidden(
        'Chỉ lãnh đạo Trung tâm và Tổ Điều phối giao nhiệm vụ.',
        'Only the Center’s lead and coordination team assign tasks.',
      );
    const t = this.task(n);
    const unknown = input.assignments.filter(
      (a) => !this.deps.registry.kindOf(a.unit_code) && !this.deps.registry.vendor(a.unit_code),
    );
    if (unknown.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(
          `Không có đơn vị mã ${unknown.map((a) => a.unit_code).join(', ')}.`,
          `No unit with code ${unknown.map((a) => a.unit_code).join(', ')}.`,
        ),
      );
    const event = this.event(p, taskEntityId(n), 'assignments_set', {
      task: n,
      assignments: input.assignments,
      reason: input.reason,
    });
    event.before = {
      units: [...t.assignments.values()].map((a) => ({ unit_code: a.unit_code, deadline: a.deadline })),
    };
    event.after = { units: input.assignments };
    await this.appendRaw(
      taskEntityId(n),
      event,
      opts.idempotencyKey,
      this.projection.versions.get(taskEntityId(n)) ?? 0,
    );
    return this.get(p, n);
  }

  /** Command Center: a task added after the handbook (a Plan update, a provincial plan such as Quảng Ninh's). */
  async create(p: Principal, input: TaskCreate, opts: { idempotencyKey: string }): Promise<TaskView> {
    if (!ASSIGNERS.has(p.role))
      throw forbidden(
        'Chỉ lãnh đạo Trung tâm và Tổ Điều phối thêm nhiệm vụ.',
        'Only the Center’s lead and coordination team add tasks.',
      );
    const bad = unresolvedLeads(input.leads, this.deps.registry);
    if (bad.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual('Cơ quan chủ trì không có trong danh sách đơn vị.', 'A lead agency is not in the unit registry.'),
      );
    const number = Math.max(...this.projection.tasks.keys()) + 1;
    const task: PlanTask = {
      number,
      phase: input.phase,
      group: input.group,
      groupTitle: '',
      leadText: input.lead_text,
      leads: input.leads,
      content: input.content,
      deadline: input.deadline,
      deadlineText: input.deadline,
    };
    const event = this.event(p, taskEntityId(number), 'task_added', {
      task,
      assignments: fanOut(task, this.deps.registry),
    });
    event.after = { task: number };
    await this.appendRaw(taskEntityId(number), event, opts.idempotencyKey, 0);
    return this.get(p, number);
  }

  /** Section 5 of the daily / weekly report: the state now, and what was completed in the period (local dates). */
  reportSection(period: { from: string; to: string }): TaskReportSection {
    return reportSection(this.list(COMMAND_CENTER_VIEW), period, this.deps.now());
  }

  /** The unit's task_progress reasons for the status engine. */
  reasonsFor(unitCode: string, now: number): Reason[] {
    const mine: AssignmentProgress[] = [];
    for (const t of this.projection.tasks.values()) {
      const a = t.assignments.get(unitCode);
      if (a) mine.push(a);
    }
    return taskProgressReasons(mine, now, this.deps.thresholds(unitCode), this.deps.isWorkingDay);
  }

  private assignment(n: number, unit: string): AssignmentProgress {
    const a = this.task(n).assignments.get(unit);
    if (!a)
      throw notFound(`Nhiệm vụ ${n} không giao cho đơn vị ${unit}.`, `Task ${n} is not assigned to unit ${unit}.`);
    return a;
  }

  private event(p: Principal, entityId: string, type: string, data: Record<string, unknown>): WorkflowEvent {
    return {
      v: 1,
      event_id: randomUUID(),
      entity: 'task',
      entity_id: entityId,
      type,
      at: new Date(this.deps.now()).toISOString(),
      actor: { id: p.id, role: p.role, name: p.name },
      unit_code: typeof data.unit_code === 'string' ? data.unit_code : '',
      issue_type: 0,
      priority: '',
      before: null,
      after: null,
      data,
    };
  }

  private async append(
    p: Principal,
    a: AssignmentProgress,
    type: string,
    data: Record<string, unknown>,
    opts: { idempotencyKey: string; expectedVersion?: number },
    change: { before: Record<string, unknown>; after: Record<string, unknown> },
  ): Promise<void> {
    const id = assignmentEntityId(a.task, a.unit_code);
    const current = this.projection.versions.get(id) ?? 0;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== current) throw this.conflict();
    const event = this.event(p, id, type, { task: a.task, unit_code: a.unit_code, ...data });
    event.before = change.before;
    event.after = change.after;
    await this.appendRaw(id, event, opts.idempotencyKey, current);
  }

  private async appendRaw(
    id: string,
    event: WorkflowEvent,
    idempotencyKey: string,
    expectedVersion: number,
  ): Promise<void> {
    const digest = commandDigest(event.actor.id, event.type, event.data);
    if (this.keys.check(id, idempotencyKey, digest) === 'replay') return;
    event.data = { ...event.data, idempotency_key: idempotencyKey, request_digest: digest };
    try {
      const ack = await this.deps.log.append(SUBJECTS.task(id), event, {
        msgId: `task:${id}:${idempotencyKey}`,
        expectedVersion,
        digest,
      });
      if (ack.duplicate && ack.originalDigest !== undefined && ack.originalDigest !== digest)
        throw idempotencyConflict();
    } catch (err) {
      if (err instanceof VersionConflictError) throw this.conflict();
      throw err;
    }
  }

  private conflict(): DomainError {
    return new DomainError(
      'CONFLICT',
      409,
      bilingual(
        'Nhiệm vụ vừa được người khác cập nhật; hãy tải lại rồi thử lại.',
        'Someone else just updated this task; reload and try again.',
      ),
    );
  }
}
