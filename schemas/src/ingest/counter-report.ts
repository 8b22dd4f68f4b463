import { z } from 'zod';
import { bilingual } from '../i18n.js';
import { CommuneCodeSchema, CountSchema, EventIdSchema, InstantSchema } from './primitives.js';

export const ProcedureCountSchema = z.strictObject({
  /** National TTHC code, e.g. 2.000815 (seed Phụ lục VIII). */
  code: z.string().regex(/^\d\.\d{6}$/),
  received: CountSchema,
});

/**
 * Transaction counts from a commune one-stop counter or a provincial public
 * administration service centre.
 *
 * Counts are CUMULATIVE FOR THE LOCAL DAY (Asia/Ho_Chi_Minh) that contains
 * `interval_end`, not deltas: resending a report, or sending it twice under
 * two keys, can never double-count, and a lost report is healed by the next.
 * - received: dossiers received today (all channels);
 * - received_online: of those, received online;
 * - processed: dossiers whose processing finished today (any receive date);
 * - on_time / late: processed today within / after the statutory deadline,
 *   so on_time + late = processed.
 */
export const CounterReportSchema = z
  .strictObject({
    event_id: EventIdSchema,
    unit_code: CommuneCodeSchema,
    interval_end: InstantSchema,
    received: CountSchema,
    received_online: CountSchema,
    processed: CountSchema,
    on_time: CountSchema,
    late: CountSchema,
    top_procedures: z.array(ProcedureCountSchema).max(10).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.received_online > r.received) {
      ctx.addIssue({
        code: 'custom',
        path: ['received_online'],
        params: {
          reason: 'exceeds_received',
          message: bilingual(
            'Số hồ sơ trực tuyến không được lớn hơn tổng số hồ sơ tiếp nhận (received).',
            'received_online must not exceed received.',
          ),
        },
      });
    }
    if (r.on_time + r.late !== r.processed) {
      ctx.addIssue({
        code: 'custom',
        path: ['processed'],
        params: {
          reason: 'on_time_plus_late_mismatch',
          message: bilingual(
            'Tổng số hồ sơ đúng hạn (on_time) và trễ hạn (late) phải bằng số hồ sơ đã xử lý (processed).',
            'on_time + late must equal processed.',
          ),
        },
      });
    }
  });
export type CounterReport = z.infer<typeof CounterReportSchema>;
