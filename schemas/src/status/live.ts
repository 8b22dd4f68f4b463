import { z } from 'zod';
import type { TicketChanged } from '../tickets/model.js';
import { StatusChangeSchema } from './api.js';
import { ChildTileSchema, StatusCountsSchema, TileSchema } from './tiles.js';

export const PipelineHealthSchema = z.object({
  /** Age of the oldest telemetry the status engine has not applied yet (ms). */
  lag_ms: z.number(),
  stale: z.boolean(),
  /**
   * The data itself is fresh: the newest reading on the wall is younger than
   * the freshness window. A live socket over old data is not "online".
   */
  data_fresh: z.boolean(),
  /**
   * The writer that stores telemetry in ClickHouse: messages waiting and none
   * stored for longer than the stall threshold. Tiles stay live (they come
   * from the bus), but history, reports and the restart rebuild fall behind.
   */
  storage: z.object({
    stalled: z.boolean(),
    waiting: z.number().int().min(0),
    stalled_for_ms: z.number().min(0),
  }),
});
export type PipelineHealth = z.infer<typeof PipelineHealthSchema>;

/** Whole-wall state: sent on connect and on resync. */
export const WallSnapshotSchema = z.object({
  seq: z.number().int(),
  generated_at: z.string(),
  data_as_of: z.string().nullable(),
  counts: z.object({ provinces: StatusCountsSchema, agencies: StatusCountsSchema }),
  tiles: z.array(TileSchema),
  pipeline: PipelineHealthSchema,
  /**
   * Colour changes of provinces and agencies, newest first: the latest 30 in
   * a snapshot, only the new ones in a diff ("mới chuyển trạng thái").
   */
  recent_changes: z.array(StatusChangeSchema).default([]),
});
export type WallSnapshot = z.infer<typeof WallSnapshotSchema>;

/**
 * Changed tiles only, in the snapshot's shape; `seq` is the previous seq + 1
 * for that room, so gaps are detectable.
 */
export const WallDiffSchema = WallSnapshotSchema;
export type WallDiff = WallSnapshot;

/** One province or agency with its children, for the drill-down room. */
export const UnitSnapshotSchema = z.object({
  seq: z.number().int(),
  generated_at: z.string(),
  tile: TileSchema,
  communes: z.array(ChildTileSchema),
  systems: z.array(ChildTileSchema),
});
export type UnitSnapshot = z.infer<typeof UnitSnapshotSchema>;

export const UnitDiffSchema = z.object({
  seq: z.number().int(),
  generated_at: z.string(),
  code: z.string(),
  tile: TileSchema.nullable(),
  communes: z.array(ChildTileSchema),
  systems: z.array(ChildTileSchema),
});
export type UnitDiff = z.infer<typeof UnitDiffSchema>;

export interface SubscribeAck {
  ok: boolean;
  /** 'replayed' = missed diffs were re-sent; 'snapshot' = a fresh snapshot follows. */
  mode?: 'replayed' | 'snapshot';
  error?: { vi: string; en: string };
}

/** Typed socket.io event map shared by the api and the wall. Versioned in the event name. */
export interface ServerToClientEvents {
  'wall:snapshot:v1': (snapshot: WallSnapshot) => void;
  'wall:diff:v1': (diff: WallDiff) => void;
  'unit:snapshot:v1': (snapshot: UnitSnapshot) => void;
  'unit:diff:v1': (diff: UnitDiff) => void;
  /** Every few seconds, so a wall can tell a quiet feed from a dead one. */
  'heartbeat:v1': (beat: {
    server_time: string;
    wall_seq: number;
    pipeline: z.infer<typeof PipelineHealthSchema>;
  }) => void;
  /** A ticket this socket's person may see changed (after `tickets:watch:v1`). */
  'tickets:changed:v1': (change: TicketChanged) => void;
}

export interface ClientToServerEvents {
  'wall:subscribe:v1': (req: { last_seq?: number }, ack: (res: SubscribeAck) => void) => void;
  'unit:subscribe:v1': (req: { code: string; last_seq?: number }, ack: (res: SubscribeAck) => void) => void;
  'unit:unsubscribe:v1': (req: { code: string }) => void;
  /**
   * Start receiving `tickets:changed:v1` for the tickets this person may see. The token is the person's
   * session (a wall's socket may have connected on the display token, which sees no tickets).
   */
  'tickets:watch:v1': (req: { token: string }, ack: (res: SubscribeAck) => void) => void;
  'tickets:unwatch:v1': () => void;
}
