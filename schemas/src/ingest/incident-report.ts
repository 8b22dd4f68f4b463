import { z } from 'zod';
import { bilingual } from '../i18n.js';
import {
  boundedText,
  EventIdSchema,
  InstantSchema,
  OwnerUnitCodeSchema,
  SystemIdSchema,
  VendorCodeSchema,
} from './primitives.js';

/**
 * Vendor technical incident reporting (seed 000 L1734-1744): a serious,
 * wide-impact incident is reported within 15 minutes of detection, updated
 * every 30 minutes until fixed, and a root-cause report follows within 24
 * hours of the fix. One event per phase; `incident_id` ties them together.
 */
export const IncidentPhaseSchema = z.enum(['detected', 'update', 'resolved', 'root_cause']);
export type IncidentPhase = z.infer<typeof IncidentPhaseSchema>;

export const IncidentReportSchema = z
  .strictObject({
    event_id: EventIdSchema,
    vendor: VendorCodeSchema,
    system_id: SystemIdSchema,
    unit_code: OwnerUnitCodeSchema,
    incident_id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/),
    phase: IncidentPhaseSchema,
    /** When it happened: detection time for `detected`, fix time for `resolved`, else the time of writing. */
    at: InstantSchema,
    severity: z.enum(['serious', 'minor']),
    title: boundedText(200).optional(),
    message: boundedText(5_000),
    impact: boundedText(1_000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.phase === 'detected' && !r.title) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        params: {
          reason: 'required_for_detected',
          message: bilingual('Báo cáo sự cố mới phải có tiêu đề.', 'A new incident needs a title.'),
        },
      });
    }
  });
export type IncidentReport = z.infer<typeof IncidentReportSchema>;
