/**
 * SLA durations as data. The handbook's numbers (seed-digest §4.3, §2.2,
 * §5.4) are the defaults; a deployment can override them from config
 * without touching the clock code.
 */
import { z } from 'zod';
import { ConfigValidationError, bilingual, formatZodIssue } from './messages.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';

/** P1/P2 run on wall-clock time, P3/P4 and acknowledgement on working hours. */
export const clockKindSchema = z.enum(['wall', 'working']);
export type ClockKind = z.infer<typeof clockKindSchema>;

export const clockBudgetSchema = z.strictObject({
  kind: clockKindSchema,
  ms: z
    .number()
    .int()
    .positive()
    .max(366 * DAY_MS),
});
export type ClockBudget = z.infer<typeof clockBudgetSchema>;

export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof prioritySchema>;

export const priorityClocksSchema = z.strictObject({
  respond: clockBudgetSchema,
  /** `null` = "Theo thỏa thuận" (by agreement): no timer unless a deadline is agreed. */
  fix: clockBudgetSchema.nullable(),
});
export type PriorityClocks = z.infer<typeof priorityClocksSchema>;

export const slaPolicySchema = z.strictObject({
  priorities: z.strictObject({
    P1: priorityClocksSchema,
    P2: priorityClocksSchema,
    P3: priorityClocksSchema,
    P4: priorityClocksSchema,
  }),
  /** Detected issue → verified and classified. */
  verify: clockBudgetSchema,
  /** Ticket created → assigned to a unit or working group. */
  assign: clockBudgetSchema,
  /** Assigned → "Đã tiếp nhận" by the focal point / working-group lead. */
  acknowledge: clockBudgetSchema,
  /** No response for this long → escalate to the Tổ trưởng (team lead). */
  escalateAfter: clockBudgetSchema,
  /** Share of a budget after which a running clock shows as near breach. */
  nearFraction: z.number().gt(0).lte(1),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const wall = (ms: number): ClockBudget => ({ kind: 'wall', ms });
export const working = (ms: number): ClockBudget => ({ kind: 'working', ms });
export const minutes = (n: number): number => n * MINUTE_MS;
export const hours = (n: number): number => n * HOUR_MS;

/** The handbook's table (Sổ tay vận hành, SLA section and SOP-01/04). */
export const defaultSlaPolicy: SlaPolicy = Object.freeze({
  priorities: {
    P1: { respond: wall(minutes(15)), fix: wall(hours(2)) },
    P2: { respond: wall(minutes(30)), fix: wall(hours(4)) },
    P3: { respond: working(hours(2)), fix: working(hours(8)) },
    P4: { respond: working(hours(4)), fix: null },
  },
  verify: wall(minutes(15)),
  assign: wall(minutes(30)),
  acknowledge: working(hours(2)),
  escalateAfter: wall(hours(24)),
  nearFraction: 0.8,
});

export function loadSlaPolicy(json: unknown): SlaPolicy {
  const parsed = slaPolicySchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigValidationError(
      bilingual('Cấu hình SLA không hợp lệ', 'invalid SLA policy'),
      parsed.error.issues.map(formatZodIssue),
    );
  }
  return parsed.data;
}
