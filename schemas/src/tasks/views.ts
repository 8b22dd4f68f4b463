import { z } from 'zod';
import { DifficultyClassSchema, LeadRefSchema, TaskStatusSchema } from './model.js';

/*
 * The task API's answers (docs/api.md "Plan 02 tasks"), parsed by the wall.
 */
const phase = z.union([z.literal(1), z.literal(2)]);

export const AssignmentViewSchema = z.object({
  task: z.number(),
  phase,
  unit_code: z.string(),
  unit_name: z.string(),
  deadline: z.string().nullable(),
  status: TaskStatusSchema,
  percent: z.number(),
  description: z.string(),
  difficulties: z.array(z.object({ class: DifficultyClassSchema, text: z.string() })),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
  verification: z.object({
    state: z.enum(['unverified', 'verified', 'rejected']),
    by: z.string().nullable(),
    at: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  version: z.number(),
  /** "Chậm tiến độ" when the deadline passed and it is not completed, whatever was reported. */
  effective_status: TaskStatusSchema,
  overdue: z.boolean(),
  /** No update since the previous report deadline (daily / Thursday 16:00). */
  cadence_missed: z.boolean(),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

export const TaskViewSchema = z.object({
  number: z.number(),
  phase,
  group: z.number(),
  group_title: z.string(),
  lead_text: z.string(),
  leads: z.array(LeadRefSchema),
  content: z.string(),
  deadline: z.string().nullable(),
  deadline_text: z.string().nullable(),
  critical: z.boolean(),
  /** false for a task the Command Center added (Plan update, provincial plan). */
  from_catalogue: z.boolean(),
  assignments: z.array(AssignmentViewSchema),
});
export type TaskView = z.infer<typeof TaskViewSchema>;
export const TaskListSchema = z.array(TaskViewSchema);

/** Completion figures of a set of assignments (a phase, a group of solutions, a unit). */
export const ProgressFiguresSchema = z.object({
  assignments: z.number(),
  done: z.number(),
  overdue: z.number(),
  /** Open assignments reported since the previous due time. */
  punctual: z.number(),
  open: z.number(),
  /** done / assignments, 0–1 (null when nothing is assigned). */
  completion: z.number().nullable(),
  /** Mean reported %, 0–100. */
  mean_percent: z.number().nullable(),
  unverified: z.number(),
  needs_direction: z.number(),
});
export type ProgressFigures = z.infer<typeof ProgressFiguresSchema>;

export const UnitProgressSchema = ProgressFiguresSchema.extend({ unit_code: z.string(), unit_name: z.string() });
export type UnitProgress = z.infer<typeof UnitProgressSchema>;

export const ProgressSummarySchema = z.object({
  generated_at: z.string(),
  total: ProgressFiguresSchema,
  by_phase: z.object({ '1': ProgressFiguresSchema, '2': ProgressFiguresSchema }),
  by_group: z.array(z.object({ phase, group: z.number(), title: z.string(), figures: ProgressFiguresSchema })),
  /** Units ordered by completion rate (best first), then fewest overdue. */
  ranking: z.array(UnitProgressSchema),
  difficulties: z.array(
    z.object({
      task: z.number(),
      unit_code: z.string(),
      unit_name: z.string(),
      class: DifficultyClassSchema,
      text: z.string(),
    }),
  ),
});
export type ProgressSummary = z.infer<typeof ProgressSummarySchema>;
