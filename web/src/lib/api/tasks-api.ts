/*
 * Plan 02 task endpoints (docs/api.md "Plan 02 tasks"). Every command carries
 * an Idempotency-Key (one per user action) and If-Match with the version the
 * person was looking at, so a stale screen gets 409 CONFLICT.
 */
import {
  AssignmentViewSchema,
  ProgressSummarySchema,
  TaskListSchema,
  TaskViewSchema,
  type AssignmentView,
  type ProgressSummary,
  type TaskStatus,
  type TaskView,
} from '@kh02/schemas';
import type { RestClient } from './rest';

export interface TaskListFilter {
  phase?: '1' | '2';
  unit?: string;
  status?: TaskStatus;
  overdue?: boolean;
}

export interface ProgressInput {
  status: TaskStatus;
  percent: number;
  description: string;
  difficulties: { class: 'internal' | 'cross_sector' | 'institutional'; text: string }[];
}

export class TasksApi {
  constructor(readonly rest: RestClient) {}

  list(filter: TaskListFilter, signal?: AbortSignal): Promise<TaskView[]> {
    const q = new URLSearchParams();
    if (filter.phase) q.set('phase', filter.phase);
    if (filter.unit) q.set('unit', filter.unit);
    if (filter.status) q.set('status', filter.status);
    if (filter.overdue !== undefined) q.set('overdue', String(filter.overdue));
    const qs = q.toString();
    return this.rest.get(`/api/v1/tasks${qs ? `?${qs}` : ''}`, TaskListSchema, signal);
  }

  get(n: number, signal?: AbortSignal): Promise<TaskView> {
    return this.rest.get(`/api/v1/tasks/${n}`, TaskViewSchema, signal);
  }

  summary(signal?: AbortSignal): Promise<ProgressSummary> {
    return this.rest.get('/api/v1/tasks-progress', ProgressSummarySchema, signal);
  }

  update(a: AssignmentView, input: ProgressInput, key: string): Promise<AssignmentView> {
    return this.rest.post(`/api/v1/tasks/${a.task}/progress/${a.unit_code}`, input, AssignmentViewSchema, {
      headers: { 'idempotency-key': key, 'if-match': String(a.version) },
    });
  }

  /** Replaces the task's assignments (Command Center), e.g. to move one unit's deadline. */
  assign(n: number, assignments: { unit_code: string; deadline: string | null }[], reason: string, key: string) {
    return this.rest.post(`/api/v1/tasks/${n}/assignments`, { assignments, reason }, TaskViewSchema, {
      headers: { 'idempotency-key': key },
    });
  }

  verify(a: AssignmentView, decision: 'verified' | 'rejected', reason: string, key: string): Promise<AssignmentView> {
    return this.rest.post(
      `/api/v1/tasks/${a.task}/progress/${a.unit_code}/verify`,
      { decision, reason },
      AssignmentViewSchema,
      { headers: { 'idempotency-key': key, 'if-match': String(a.version) } },
    );
  }
}
