import { z } from 'zod';
import { FieldIssueSchema } from '../api-errors.js';

export const RowResultSchema = z.object({
  index: z.number().int(),
  event_id: z.string().optional(),
  status: z.enum(['accepted', 'rejected']),
  errors: z.array(FieldIssueSchema).optional(),
});

/**
 * 202 when every event was accepted; 207 when some were rejected (the
 * accepted ones are durable, the rejected ones are listed with reasons and
 * were not stored). A batch where every event is rejected is a 400.
 */
export const IngestAcceptedSchema = z.object({
  status: z.enum(['accepted', 'partial']),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** True when this Idempotency-Key was already accepted: nothing new was stored. */
  duplicate: z.boolean(),
  /** Bus sequence of the accepted message, for tracing. */
  bus_seq: z.number().int(),
  results: z.array(RowResultSchema).optional(),
});
export type IngestAccepted = z.infer<typeof IngestAcceptedSchema>;
