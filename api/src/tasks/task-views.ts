import {
  CRITICAL_TASKS,
  effectiveStatus,
  isOverdue,
  missedCadence,
  NEEDS_DIRECTION,
  vnLocalDate,
  type AssignmentProgress,
  type AssignmentView,
  type ProgressFigures,
  type ProgressSummary,
  type TaskView,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { StoredTask } from './projection.js';

export interface ViewContext {
  now: number;
  dueLocal: string;
  isWorkingDay: (localDate: string) => boolean;
  registry: Registry;
}

export function unitName(code: string, registry: Registry): string {
  return registry.agency(code)?.name ?? registry.province(code)?.name ?? registry.vendor(code)?.name ?? code;
}

export function assignmentView(a: AssignmentProgress, ctx: ViewContext): AssignmentView {
  const today = vnLocalDate(ctx.now);
  return {
    ...a,
    difficulties: [...a.difficulties],
    verification: { ...a.verification },
    unit_name: unitName(a.unit_code, ctx.registry),
    effective_status: effectiveStatus(a, today),
    overdue: isOverdue(a, today),
    cadence_missed: missedCadence(a, ctx.now, ctx.dueLocal, ctx.isWorkingDay),
  };
}

export function taskView(t: StoredTask, ctx: ViewContext, only?: (a: AssignmentProgress) => boolean): TaskView {
  return {
    number: t.number,
    phase: t.phase,
    group: t.group,
    group_title: t.groupTitle,
    lead_text: t.leadText,
    leads: t.leads,
    content: t.content,
    deadline: t.deadline,
    deadline_text: t.deadlineText,
    critical: CRITICAL_TASKS.has(t.number),
    from_catalogue: t.fromCatalogue,
    assignments: [...t.assignments.values()].filter((a) => !only || only(a)).map((a) => assignmentView(a, ctx)),
  };
}

export function figures(views: readonly AssignmentView[]): ProgressFigures {
  const done = views.filter((v) => v.status === 'done').length;
  const open = views.length - done;
  return {
    assignments: views.length,
    done,
    overdue: views.filter((v) => v.overdue).length,
    open,
    punctual: views.filter((v) => v.status !== 'done' && !v.cadence_missed).length,
    completion: views.length === 0 ? null : done / views.length,
    mean_percent: views.length === 0 ? null : views.reduce((s, v) => s + v.percent, 0) / views.length,
    unverified: views.filter((v) => v.updated_at !== null && v.verification.state === 'unverified').length,
    needs_direction: views.filter(
      (v) => v.status !== 'done' && v.difficulties.some((d) => NEEDS_DIRECTION.has(d.class)),
    ).length,
  };
}

/** Plan progress by phase, group of solutions and unit (the handbook's "biểu đồ tiến độ"). */
export function progressSummary(tasks: readonly TaskView[], now: number): ProgressSummary {
  const all = tasks.flatMap((t) => t.assignments);
  const groups = new Map<string, { phase: 1 | 2; group: number; title: string; views: AssignmentView[] }>();
  for (const t of tasks) {
    const key = `${t.phase}:${t.group}`;
    const g = groups.get(key) ?? { phase: t.phase, group: t.group, title: t.group_title, views: [] };
    g.views.push(...t.assignments);
    groups.set(key, g);
  }
  const units = new Map<string, AssignmentView[]>();
  for (const v of all) units.set(v.unit_code, [...(units.get(v.unit_code) ?? []), v]);
  const ranking = [...units.entries()]
    .map(([code, views]) => ({ unit_code: code, unit_name: views[0]?.unit_name ?? code, ...figures(views) }))
    .sort(
      (a, b) =>
        (b.completion ?? 0) - (a.completion ?? 0) || a.overdue - b.overdue || a.unit_code.localeCompare(b.unit_code),
    );
  return {
    generated_at: new Date(now).toISOString(),
    total: figures(all),
    by_phase: {
      '1': figures(tasks.filter((t) => t.phase === 1).flatMap((t) => t.assignments)),
      '2': figures(tasks.filter((t) => t.phase === 2).flatMap((t) => t.assignments)),
    },
    by_group: [...groups.values()]
      .sort((a, b) => a.phase - b.phase || a.group - b.group)
      .map((g) => ({ phase: g.phase, group: g.group, title: g.title, figures: figures(g.views) })),
    ranking,
    difficulties: all
      .filter((v) => v.status !== 'done')
      .flatMap((v) =>
        v.difficulties
          .filter((d) => NEEDS_DIRECTION.has(d.class))
          .map((d) => ({ task: v.task, unit_code: v.unit_code, unit_name: v.unit_name, class: d.class, text: d.text })),
      ),
  };
}
