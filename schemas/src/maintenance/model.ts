import { z } from 'zod';
import { bilingual } from '../i18n.js';
import { multilineText } from '../ingest/primitives.js';

/*
 * Planned maintenance windows (issue 17 point 4): a vendor plans one for a
 * system, the Command Center approves it, and while an approved window is
 * open the system's load, uptime, silence and report reasons do not colour
 * its unit (security alerts and incidents still do); the tile shows a
 * wrench "Bảo trì đến HH:MM" instead.
 */

export const MAINTENANCE_STATES = ['planned', 'approved', 'rejected', 'cancelled'] as const;
export const MaintenanceStateSchema = z.enum(MAINTENANCE_STATES);
export type MaintenanceState = z.infer<typeof MaintenanceStateSchema>;

export const MAINTENANCE_STATE_LABELS: Readonly<Record<MaintenanceState, { vi: string; en: string }>> = {
  planned: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** A window may be planned at most this long: a longer outage is an incident, not maintenance. */
export const MAX_MAINTENANCE_MS = 12 * 3_600_000;

const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

export const MaintenanceWindowSchema = z.object({
  id: z.string(),
  system_id: z.string(),
  unit_code: z.string(),
  vendor_code: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  reason: z.string(),
  state: MaintenanceStateSchema,
  planned_by: PersonRefSchema,
  planned_at: z.string(),
  decided_by: PersonRefSchema.nullable(),
  decided_at: z.string().nullable(),
  /** Why it was rejected or cancelled. */
  note: z.string().nullable(),
  /** The window's version on the event log (send it back as If-Match to decide). */
  version: z.number().int(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindowSchema>;

/** `POST /api/v1/maintenance`: a vendor (or the Command Center for it) plans a window for one system. */
export const PlanMaintenanceSchema = z
  .strictObject({
    system_id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,63}$/)
      .max(64),
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }),
    reason: multilineText(1_000, 5),
  })
  .superRefine((w, ctx) => {
    const span = Date.parse(w.ends_at) - Date.parse(w.starts_at);
    if (!(span > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ends_at'],
        params: {
          reason: 'ends_before_start',
          message: bilingual('Giờ kết thúc phải sau giờ bắt đầu.', 'The end must be after the start.'),
        },
      });
    } else if (span > MAX_MAINTENANCE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['ends_at'],
        params: {
          reason: 'too_long',
          message: bilingual(
            'Một đợt bảo trì dài tối đa 12 giờ; dài hơn là sự cố, cần báo cáo sự cố.',
            'A maintenance window lasts at most 12 hours; longer is an incident to report.',
          ),
        },
      });
    }
  });
export type PlanMaintenance = z.infer<typeof PlanMaintenanceSchema>;

/** `POST /api/v1/maintenance/:id/reject|cancel`: why. */
export const MaintenanceNoteSchema = z.strictObject({ note: multilineText(1_000, 5) });

/** On a wall tile: the unit has systems in an approved, open window. */
export const MaintenanceMarkerSchema = z.object({
  /** When the last of its open windows ends (ISO). */
  until: z.string(),
  systems: z.number().int().min(1),
});
export type MaintenanceMarker = z.infer<typeof MaintenanceMarkerSchema>;
