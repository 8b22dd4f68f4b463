import { NEEDS_DIRECTION, vnLocalDate, type TaskReportSection, type TaskView } from '@kh02/schemas';

const MAX_LISTED = 20;

/** The report's task section from the current task views (the Command Center's, i.e. every unit). */
export function reportSection(
  tasks: readonly TaskView[],
  period: { from: string; to: string },
  now: number,
): TaskReportSection {
  const all = tasks.flatMap((t) => t.assignments);
  const overdueBy = new Map<string, { unit_code: string; unit_name: string; overdue: number }>();
  for (const a of all.filter((x) => x.overdue)) {
    const u = overdueBy.get(a.unit_code) ?? { unit_code: a.unit_code, unit_name: a.unit_name, overdue: 0 };
    u.overdue += 1;
    overdueBy.set(a.unit_code, u);
  }
  const inPeriod = (at: string | null) => {
    if (at === null) return false;
    const d = vnLocalDate(Date.parse(at));
    return d >= period.from && d <= period.to;
  };
  const completed = all.filter((a) => a.status === 'done' && inPeriod(a.updated_at));
  return {
    as_of: new Date(now).toISOString(),
    assignments: all.length,
    done: all.filter((a) => a.status === 'done').length,
    overdue: all.filter((a) => a.overdue).length,
    newly_completed_count: completed.length,
    newly_completed: completed
      .slice(0, MAX_LISTED)
      .map((a) => ({ task: a.task, unit_code: a.unit_code, unit_name: a.unit_name })),
    overdue_units: [...overdueBy.values()]
      .sort((a, b) => b.overdue - a.overdue || a.unit_code.localeCompare(b.unit_code))
      .slice(0, 10),
    needs_direction: all
      .filter((a) => a.status !== 'done')
      .flatMap((a) =>
        a.difficulties
          .filter((d) => NEEDS_DIRECTION.has(d.class))
          .map((d) => ({ task: a.task, unit_code: a.unit_code, unit_name: a.unit_name, class: d.class, text: d.text })),
      )
      .slice(0, MAX_LISTED),
  };
}
