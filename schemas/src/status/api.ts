import { z } from 'zod';
import { AlertKindSchema, AlertSeveritySchema } from '../ingest/primitives.js';
import { ReasonSchema, UnitStatusSchema } from './status.js';
import { ChildTileSchema, TileSchema } from './tiles.js';

/** A recorded status change, for "recent history" in the drill-down. */
export const StatusChangeSchema = z.object({
  at: z.string(),
  code: z.string(),
  from: UnitStatusSchema,
  to: UnitStatusSchema,
  reasons: z.array(ReasonSchema),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/** GET /api/v1/units/:code — "xem chi tiết". */
export const UnitDetailSchema = z.object({
  tile: TileSchema,
  communes: z.array(ChildTileSchema),
  systems: z.array(ChildTileSchema),
  history: z.array(StatusChangeSchema),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

/** GET /api/v1/systems/:id */
export const SystemDetailSchema = z.object({
  system: ChildTileSchema,
  owner: z.object({ code: z.string(), name: z.string(), kind: z.enum(['province', 'agency']) }),
  vendor: z.object({ code: z.string(), name: z.string() }),
  kind: z.string(),
  critical: z.boolean(),
  last_daily_report: z
    .object({ report_date: z.string(), uptime_pct: z.number(), peak_cpu_pct: z.number(), peak_ram_pct: z.number() })
    .nullable(),
  /**
   * Alerts grouped by kind, severity, code and message (a vendor repeats an
   * open alert on every sample): `at` is the latest, `first_at` the first,
   * `count` how many times it was reported. Newest first.
   */
  alerts: z.array(
    z.object({
      at: z.string(),
      first_at: z.string(),
      count: z.number().int().min(1),
      kind: AlertKindSchema,
      severity: AlertSeveritySchema,
      message: z.string(),
      code: z.string(),
    }),
  ),
  history: z.array(StatusChangeSchema),
});
export type SystemDetail = z.infer<typeof SystemDetailSchema>;

export const RANKING_INDICATORS = [
  'online_rate',
  'on_time_rate',
  'received_today',
  'volume_change_pct',
  'communes_red',
] as const;
export const RankingIndicatorSchema = z.enum(RANKING_INDICATORS);
export type RankingIndicator = z.infer<typeof RankingIndicatorSchema>;

/** How a ranked value stands against the indicator's own target (`none`: no target, or no value). */
export const RankingBandSchema = z.enum(['green', 'yellow', 'red', 'none']);
export type RankingBand = z.infer<typeof RankingBandSchema>;

/** GET /api/v1/rankings?indicator=online_rate — provinces compared (best first). */
export const RankingSchema = z.object({
  indicator: RankingIndicatorSchema,
  generated_at: z.string(),
  /**
   * The national target of the ranked indicator (default thresholds), drawn as the target line:
   * a value meets it when `value comparator target`, and is red below `red_below`. Null for
   * indicators without one (dossiers received, red communes).
   */
  target: z.object({ value: z.number(), comparator: z.enum(['>', '>=']), red_below: z.number().nullable() }).nullable(),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      code: z.string(),
      name: z.string(),
      name_en: z.string(),
      value: z.number().nullable(),
      /** The province's overall colour (every indicator); the bar is coloured by `band` instead. */
      status: UnitStatusSchema,
      /** The ranked value against its target, with the province's own threshold overrides. */
      band: RankingBandSchema,
    }),
  ),
});
export type Ranking = z.infer<typeof RankingSchema>;

export const TIMESERIES_METRICS = ['received', 'online_rate', 'on_time_rate', 'uptime', 'cpu', 'ram'] as const;
export const TimeseriesMetricSchema = z.enum(TIMESERIES_METRICS);
export type TimeseriesMetric = z.infer<typeof TimeseriesMetricSchema>;

/** GET /api/v1/units/:code/timeseries?metric=&range= (and /systems/:id/timeseries). */
export const TimeseriesSchema = z.object({
  code: z.string(),
  metric: TimeseriesMetricSchema,
  range: z.enum(['24h', '7d', '30d']),
  /** Bucket size in seconds. */
  step_s: z.number().int(),
  points: z.array(z.object({ t: z.string(), value: z.number().nullable() })),
  /**
   * Yesterday's values for the same local hours (24h range only), placed on
   * today's time axis (`t` equals the matching `points[i].t`) so the two
   * curves overlay for "vs yesterday".
   */
  previous: z.array(z.object({ t: z.string(), value: z.number().nullable() })).nullable(),
  /** Target line where the seeds give one (e.g. 0.8 for online rate). */
  target: z.number().nullable(),
});
export type Timeseries = z.infer<typeof TimeseriesSchema>;
