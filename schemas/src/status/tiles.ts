import { MaintenanceMarkerSchema } from '../maintenance/model.js';
import { z } from 'zod';
import { PartySchema, PrioritySchema, TicketStatusSchema } from '../tickets/model.js';
import { ReasonSchema, UnitStatusSchema } from './status.js';

/** The headline numbers shown on a tile and in rankings. Null = not enough data. */
export const HeadlineSchema = z.object({
  received_today: z.number().nullable(),
  online_rate: z.number().nullable(),
  on_time_rate: z.number().nullable(),
  /** Change of dossiers received vs the same local time yesterday, in percent. */
  volume_change_pct: z.number().nullable(),
  communes_total: z.number().int().nullable(),
  communes_red: z.number().int().nullable(),
  communes_noreport: z.number().int().nullable(),
  systems_total: z.number().int(),
  systems_red: z.number().int(),
  systems_noreport: z.number().int(),
  /** Worst uptime among the unit's systems (percent). */
  min_uptime_pct: z.number().nullable(),
});
export type Headline = z.infer<typeof HeadlineSchema>;

/** SLA summary of open work tickets for the unit (filled once tickets exist). */
export const TicketSummarySchema = z.object({
  open: z.number().int(),
  breached: z.number().int(),
  near_breach: z.number().int(),
  /** Earliest running SLA deadline among open tickets (ISO), for the clock on the tile. */
  next_deadline: z.string().nullable(),
  next_deadline_kind: z.enum(['respond', 'fix', 'acknowledge', 'assign', 'verify']).nullable(),
  worst_priority: z.enum(['P1', 'P2', 'P3', 'P4']).nullable(),
  /**
   * The unit's most urgent open ticket (worst priority, then oldest): where
   * it stands and who holds it, so the wall tells "someone is on it" from an
   * unhandled red. Absent in summaries stored before it existed.
   */
  lead: z
    .object({
      id: z.string(),
      priority: PrioritySchema,
      status: TicketStatusSchema,
      assignee: PartySchema.nullable(),
      acknowledged_at: z.string().nullable(),
    })
    .nullable()
    .optional(),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

/** One top-level cell of the wall: a province or a central agency. */
export const TileSchema = z.object({
  code: z.string(),
  kind: z.enum(['province', 'agency']),
  name: z.string(),
  name_en: z.string(),
  /** Agency block, e.g. 'government'; null for provinces. */
  block: z.string().nullable(),
  status: UnitStatusSchema,
  /** The colour before the feed went stale (only when status is 'stale'). */
  last_known_status: UnitStatusSchema.nullable(),
  status_since: z.string().nullable(),
  reasons: z.array(ReasonSchema),
  headline: HeadlineSchema,
  tickets: TicketSummarySchema.nullable(),
  /** Newest data time behind this tile (ISO). */
  data_as_of: z.string().nullable(),
  /** Systems of this unit in an approved maintenance window now (absent when none). */
  maintenance: MaintenanceMarkerSchema.optional(),
});
export type Tile = z.infer<typeof TileSchema>;

/** A child inside a drill-down: a commune-level unit or a system. */
export const ChildTileSchema = z.object({
  code: z.string(),
  kind: z.enum(['commune', 'system']),
  name: z.string(),
  name_en: z.string(),
  status: UnitStatusSchema,
  reasons: z.array(ReasonSchema),
  /** Communes: received/online/on-time; systems: uptime/cpu/ram and vendor. */
  metrics: z.record(z.string(), z.number().nullable()),
  vendor: z.string().nullable(),
  data_as_of: z.string().nullable(),
  /** A system in an approved maintenance window: when it ends (ISO). */
  maintenance_until: z.string().optional(),
});
export type ChildTile = z.infer<typeof ChildTileSchema>;

export const StatusCountsSchema = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  noreport: z.number().int(),
  stale: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCountsSchema>;
