import { z } from 'zod';
import { BilingualTextSchema } from '../i18n.js';

/**
 * A scheduled fetch of the daily System Health Report from a vendor endpoint
 * (for vendors that cannot push; the handbook says the dashboard "lấy" it):
 * `pending` before today's first attempt, `ok` once yesterday's report is
 * durable, `retrying` after a failed attempt (with the next attempt's time),
 * `failed` when the day ended without it.
 */
export const PullStatusSchema = z.enum(['pending', 'ok', 'retrying', 'failed']);
export type PullStatus = z.infer<typeof PullStatusSchema>;

export const PullSourceStateSchema = z.object({
  system_id: z.string(),
  /** The endpoint's origin only (never its path or query, which may carry tokens). */
  endpoint: z.string(),
  /** The report day being fetched (yesterday, Vietnam time). */
  for_date: z.string(),
  status: PullStatusSchema,
  attempts: z.number().int(),
  last_attempt_at: z.string().nullable(),
  last_success_at: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  last_error: BilingualTextSchema.nullable(),
});
export type PullSourceState = z.infer<typeof PullSourceStateSchema>;
