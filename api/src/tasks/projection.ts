import {
  fanOut,
  PLAN_TASKS,
  type AssignmentProgress,
  type PlanTask,
  type TaskUpdate,
  type WorkflowEvent,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';

export interface StoredTask extends PlanTask {
  fromCatalogue: boolean;
  /** Event-log sequence of the task's own entity (definition and assignment); 0 = catalogue as shipped. */
  version: number;
  assignments: Map<string, AssignmentProgress>;
}

export const taskEntityId = (task: number) => `T${task}`;
export const assignmentEntityId = (task: number, unit: string) => `T${task}-${unit}`;

function fresh(task: PlanTask, unit: string, deadline: string | null, version = 0): AssignmentProgress {
  return {
    task: task.number,
    phase: task.phase,
    unit_code: unit,
    deadline,
    status: 'not_started',
    percent: 0,
    description: '',
    difficulties: [],
    updated_at: null,
    updated_by: null,
    verification: { state: 'unverified', by: null, at: null, reason: null },
    version,
  };
}

/** Tasks and their per-unit progress, folded from `task` events on top of the shipped catalogue. */
export class TaskProjection {
  readonly tasks = new Map<number, StoredTask>();
  /** Last applied sequence per entity (= its subject's last sequence, the If-Match of the next change). */
  readonly versions = new Map<string, number>();

  constructor(registry: Registry) {
    for (const t of PLAN_TASKS) {
      const assignments = new Map(fanOut(t, registry).map((a) => [a.unit_code, fresh(t, a.unit_code, a.deadline)]));
      this.tasks.set(t.number, { ...t, fromCatalogue: true, version: 0, assignments });
    }
  }

  /** Applies one event; returns the task it changed, or undefined (unknown, or already applied). */
  apply(e: WorkflowEvent, seq: number): StoredTask | undefined {
    // The local apply after an append and the replica feed both deliver each event.
    if (seq <= (this.versions.get(e.entity_id) ?? 0)) return undefined;
    const changed = this.fold(e, seq);
    if (changed) this.versions.set(e.entity_id, seq);
    return changed;
  }

  private fold(e: WorkflowEvent, seq: number): StoredTask | undefined {
    const d = e.data;
    if (e.type === 'task_added') {
      const def = d.task as PlanTask;
      if (this.tasks.has(def.number)) return undefined;
      const t: StoredTask = { ...def, fromCatalogue: false, version: seq, assignments: new Map() };
      for (const a of d.assignments as { unit_code: string; deadline: string | null }[])
        t.assignments.set(a.unit_code, fresh(t, a.unit_code, a.deadline));
      this.tasks.set(t.number, t);
      return t;
    }
    const t = this.tasks.get(Number(d.task));
    if (!t) return undefined;
    if (e.type === 'assignments_set') {
      const next = new Map<string, AssignmentProgress>();
      for (const a of d.assignments as { unit_code: string; deadline: string | null }[]) {
        const kept = t.assignments.get(a.unit_code);
        next.set(
          a.unit_code,
          kept
            ? { ...kept, deadline: a.deadline }
            : fresh(t, a.unit_code, a.deadline, this.versions.get(assignmentEntityId(t.number, a.unit_code))),
        );
      }
      t.assignments = next;
      t.version = seq;
      return t;
    }
    const a = t.assignments.get(String(d.unit_code));
    if (!a) return undefined;
    if (e.type === 'progress_updated') {
      const u = d.update as TaskUpdate;
      Object.assign(a, {
        status: u.status,
        percent: u.percent,
        description: u.description,
        difficulties: u.difficulties,
        updated_at: e.at,
        updated_by: e.actor.name,
        verification: { state: 'unverified', by: null, at: null, reason: null },
      });
    } else if (e.type === 'progress_verified' || e.type === 'progress_rejected') {
      a.verification = {
        state: e.type === 'progress_verified' ? 'verified' : 'rejected',
        by: e.actor.name,
        at: e.at,
        reason: typeof d.reason === 'string' && d.reason !== '' ? d.reason : null,
      };
    } else return undefined;
    a.version = seq;
    return t;
  }
}
