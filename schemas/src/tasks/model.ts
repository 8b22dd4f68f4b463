import { z } from 'zod';

/*
 * Plan 02 tasks (handbook Phần V) and their progress as focal points report
 * it (handbook 7.2, seed 000 L1210-1238). Status and difficulty classes are
 * exactly the handbook's words; the wire carries stable ids.
 */

export const TASK_PHASES = [1, 2] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

/** Generic lead agencies of the handbook that fan out to every such unit. */
export const LEAD_GROUPS = ['all_ministries', 'all_central', 'all_provinces', 'all_vendors', 'mass_orgs'] as const;
export const LeadGroupSchema = z.enum(LEAD_GROUPS);
export type LeadGroup = z.infer<typeof LeadGroupSchema>;
export const LEAD_GROUP_LABELS: Record<LeadGroup, { vi: string; en: string }> = {
  all_ministries: { vi: 'Các Bộ, cơ quan ngang bộ', en: 'All ministries and ministerial-level agencies' },
  all_central: { vi: 'Các bộ, ngành Trung ương', en: 'All central ministries and agencies' },
  all_provinces: { vi: 'UBND các tỉnh, thành phố', en: 'All provincial People’s Committees' },
  all_vendors: { vi: 'Các tập đoàn, doanh nghiệp công nghệ', en: 'Technology corporations and enterprises' },
  mass_orgs: {
    vi: 'Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
    en: 'Fatherland Front and mass organisations',
  },
};

export const LeadRefSchema = z.union([
  z.strictObject({ unit: z.string().regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/) }),
  z.strictObject({ group: LeadGroupSchema }),
]);
export type LeadRef = z.infer<typeof LeadRefSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PlanTaskSchema = z.strictObject({
  number: z.int().min(1),
  phase: z.union([z.literal(1), z.literal(2)]),
  /** The handbook's group of solutions (1 Thể chế … 7 An toàn thông tin) and its title. */
  group: z.int().min(0).max(7),
  groupTitle: z.string(),
  leadText: z.string().min(1),
  leads: z.array(LeadRefSchema).min(1),
  content: z.string().min(1),
  /** Last day to complete (local date); null = ongoing ("thường xuyên") or not given. */
  deadline: isoDate.nullable(),
  deadlineText: z.string().nullable(),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

export const ExtractOverridesSchema = z.strictObject({
  phrases: z.array(z.strictObject({ phrase: z.string().min(1), leads: z.array(LeadRefSchema).min(1) })),
  tasks: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.strictObject({
      why: z.string().min(1),
      leadText: z.string().min(1).optional(),
      leads: z.array(LeadRefSchema).min(1).optional(),
      content: z.string().min(1).optional(),
      deadline: isoDate.nullable().optional(),
      deadlineText: z.string().nullable().optional(),
    }),
  ),
});
export type ExtractOverrides = z.infer<typeof ExtractOverridesSchema>;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'behind', 'paused'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Completed' },
  behind: { vi: 'Chậm tiến độ', en: 'Behind schedule' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
};

export const DIFFICULTY_CLASSES = ['internal', 'cross_sector', 'institutional'] as const;
export const DifficultyClassSchema = z.enum(DIFFICULTY_CLASSES);
export type DifficultyClass = z.infer<typeof DifficultyClassSchema>;
export const DIFFICULTY_LABELS: Record<DifficultyClass, { vi: string; en: string }> = {
  internal: { vi: 'Vướng mắc nội bộ', en: 'Internal' },
  cross_sector: { vi: 'Vướng mắc liên ngành', en: 'Cross-sector' },
  institutional: { vi: 'Vướng mắc thể chế / vượt thẩm quyền', en: 'Institutional / beyond authority' },
};
