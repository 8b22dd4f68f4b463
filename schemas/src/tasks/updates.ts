import { z } from 'zod';
import { bilingual } from '../i18n.js';
import { boundedText, multilineText } from '../ingest/primitives.js';
import { DifficultyClassSchema, LeadRefSchema, TaskStatusSchema } from './model.js';

const isoDate = z.iso.date();
const unitCode = z.string().regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/);

export const DifficultySchema = z.strictObject({
  class: DifficultyClassSchema,
  text: multilineText(2_000),
});
export type Difficulty = z.infer<typeof DifficultySchema>;

/** What a focal point reports for one task of their unit (handbook 7.2). */
export const TaskUpdateSchema = z
  .strictObject({
    status: TaskStatusSchema,
    /** Estimated % complete ("tỷ lệ % hoàn thành ước tính"). */
    percent: z.int().min(0).max(100),
    description: multilineText(5_000, 0).default(''),
    difficulties: z.array(DifficultySchema).max(10).default([]),
  })
  .superRefine((u, ctx) => {
    if (u.status === 'done' && u.percent !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['percent'],
        params: {
          reason: 'done_needs_100',
          message: bilingual(
            'Nhiệm vụ "Đã hoàn thành" phải có tỷ lệ hoàn thành 100 %.',
            'A task marked completed must be 100 % complete.',
          ),
        },
      });
    if (u.status !== 'done' && u.percent === 100)
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        params: {
          reason: 'hundred_needs_done',
          message: bilingual(
            'Tỷ lệ 100 % thì trạng thái phải là "Đã hoàn thành".',
            'At 100 % the status must be completed.',
          ),
        },
      });
  });
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

/** A Monitoring team member's decision on an update ("chưa xác minh" until then). */
export const TaskVerifySchema = z
  .strictObject({ decision: z.enum(['verified', 'rejected']), reason: multilineText(2_000, 0).default('') })
  .superRefine((v, ctx) => {
    if (v.decision === 'rejected' && v.reason.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        params: {
          reason: 'reason_required',
          message: bilingual('Trả lại cập nhật phải nêu lý do.', 'A rejected update needs a reason.'),
        },
      });
  });
export type TaskVerify = z.infer<typeof TaskVerifySchema>;

/** Command Center: (re)assign a task to units, each with its deadline. */
export const TaskAssignSchema = z.strictObject({
  assignments: z
    .array(z.strictObject({ unit_code: unitCode, deadline: isoDate.nullable() }))
    .min(1)
    .max(200),
  reason: multilineText(2_000),
});
export type TaskAssign = z.infer<typeof TaskAssignSchema>;

/** Command Center: a task added to the catalogue (a Plan update, a provincial plan). */
export const TaskCreateSchema = z.strictObject({
  phase: z.union([z.literal(1), z.literal(2)]),
  group: z.int().min(0).max(7).default(0),
  lead_text: boundedText(300),
  leads: z.array(LeadRefSchema).min(1).max(20),
  content: multilineText(5_000),
  deadline: isoDate.nullable(),
});
export type TaskCreate = z.infer<typeof TaskCreateSchema>;
