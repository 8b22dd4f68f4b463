import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const ratio = z.number().min(0).max(1);
const pct = z.number().min(0).max(100);

/**
 * Colour thresholds. The seeds give targets (online > 80 %, on time > 99 %)
 * but no colour bands, so every band here is a documented default that the
 * Command Center can change in config/status-thresholds.json, per unit too.
 */
export const ThresholdsSchema = z.strictObject({
  onlineRate: z.strictObject({
    /** Phụ lục VII writes "> 80 %"; Plan 02 writes "tối thiểu 80 %" (≥). */
    comparator: z.enum(['>', '>=']).default('>'),
    target: ratio.default(0.8),
    redBelow: ratio.default(0.6),
    minReceivedCommune: z.number().int().min(0).default(20),
    minReceivedProvince: z.number().int().min(0).default(200),
  }),
  onTimeRate: z.strictObject({
    comparator: z.enum(['>', '>=']).default('>'),
    target: ratio.default(0.99),
    redBelow: ratio.default(0.95),
    minProcessedCommune: z.number().int().min(0).default(10),
    minProcessedProvince: z.number().int().min(0).default(100),
  }),
  volumeDrop: z.strictObject({
    yellowDropPct: pct.default(50),
    redDropPct: pct.default(80),
    minYesterdaySameTime: z.number().int().min(0).default(200),
    notBeforeLocal: HHMM.default('09:00'),
  }),
  /**
   * Abnormal trends of the two rates: a fall, in percentage points, of today's rate against
   * yesterday's at the same hour (min volumes: onlineRate.minReceivedProvince and
   * onTimeRate.minProcessedProvince on both days; not before volumeDrop.notBeforeLocal).
   */
  rateTrend: z.strictObject({
    onlineYellowDropPts: pct.default(10),
    onlineRedDropPts: pct.default(20),
    onTimeYellowDropPts: pct.default(3),
    onTimeRedDropPts: pct.default(6),
  }),
  uptime: z.strictObject({ yellowBelowPct: pct.default(99.5), redBelowPct: pct.default(98) }),
  cpu: z.strictObject({ yellowAtPct: pct.default(85), redAtPct: pct.default(95) }),
  ram: z.strictObject({ yellowAtPct: pct.default(90), redAtPct: pct.default(97) }),
  responseMs: z.strictObject({ yellowAboveMs: z.number().default(3_000), redAboveMs: z.number().default(10_000) }),
  samples: z.strictObject({
    /** Averages (CPU, RAM, uptime, response) are taken over this window, so one spike does not flip a colour. */
    windowMs: z
      .number()
      .int()
      .positive()
      .default(5 * 60_000),
    noreportAfterMs: z
      .number()
      .int()
      .positive()
      .default(10 * 60_000),
  }),
  dailyReport: z.strictObject({
    dueLocal: HHMM.default('08:00'),
    missingStatus: z.enum(['yellow', 'red']).default('yellow'),
  }),
  alerts: z.strictObject({
    lookbackMs: z
      .number()
      .int()
      .positive()
      .default(6 * 3_600_000),
    securityCritical: z.enum(['red', 'yellow']).default('red'),
    securityWarning: z.enum(['red', 'yellow']).default('yellow'),
    performanceCritical: z.enum(['red', 'yellow']).default('yellow'),
  }),
  counters: z.strictObject({
    /** On a working day a commune with no report by this time is `noreport`. */
    firstReportDueLocal: HHMM.default('09:00'),
    /** The end-of-day report covers the day up to at least this time… */
    endOfDayFromLocal: HHMM.default('17:00'),
    /** …and is due by this time; until the next working day starts, a commune without it is `noreport`. */
    endOfDayDueLocal: HHMM.default('17:30'),
    /** During working hours, silence longer than this is `noreport`. */
    maxSilenceMs: z
      .number()
      .int()
      .positive()
      .default(3 * 3_600_000),
  }),
  /** Plan 02 task progress (handbook 7.2): overdue tasks and missed report cadence colour the unit. */
  taskProgress: z.strictObject({
    yellowAtOverdue: z.number().int().min(1).default(1),
    redAtOverdue: z.number().int().min(1).default(3),
    criticalOverdue: z.enum(['red', 'yellow']).default('red'),
    cadenceMissed: z.enum(['red', 'yellow']).default('yellow'),
    dueLocal: HHMM.default('16:00'),
  }),
  rollup: z.strictObject({
    redIfRedCommuneShare: ratio.default(0.2),
    yellowIfRedCommuneShare: ratio.default(0.05),
    yellowIfNoreportShare: ratio.default(0.2),
    noreportIfNoreportShare: ratio.default(0.5),
  }),
  stale: z.strictObject({
    /** The wall's feed is behind by more than this → every tile is `stale`. */
    pipelineLagMs: z.number().int().positive().default(30_000),
    busDownMs: z.number().int().positive().default(10_000),
    /** Telemetry waits and the writer stored nothing for this long → the wall says storage is stalled. */
    storageStallMs: z.number().int().positive().default(30_000),
    /** The newest reading on the wall is older than this → the header no longer says "Trực tuyến". */
    dataFreshMs: z
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
  }),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

/** An override names groups and fields to change; the merged result is validated like the defaults. */
const OverrideSchema = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string()])));

export const StatusConfigSchema = z.strictObject({
  defaults: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string()]))).default({}),
  /** Per-unit overrides by unit code (province, commune, agency or system id), merged group by group. */
  overrides: z.record(z.string(), OverrideSchema).default({}),
});

export interface StatusConfig {
  defaults: Thresholds;
  overrides: Record<string, Thresholds>;
}

function emptyGroups(): Record<string, object> {
  return Object.fromEntries(Object.keys(ThresholdsSchema.shape).map((k) => [k, {}]));
}

function merge(base: Record<string, object>, patch: Record<string, Record<string, unknown>>): Record<string, object> {
  const out: Record<string, object> = { ...base };
  for (const [group, fields] of Object.entries(patch)) out[group] = { ...(out[group] ?? {}), ...fields };
  return out;
}

export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse(emptyGroups());

/**
 * Parses config/status-thresholds.json. Every override is merged onto the
 * defaults and validated in full, so a typo fails at start-up with its path.
 */
export function parseStatusConfig(json: unknown): StatusConfig {
  const raw = StatusConfigSchema.parse(json ?? {});
  const defaultsInput = merge(emptyGroups(), raw.defaults);
  const defaults = ThresholdsSchema.parse(defaultsInput);
  const overrides: Record<string, Thresholds> = {};
  for (const [code, patch] of Object.entries(raw.overrides)) {
    const parsed = ThresholdsSchema.safeParse(merge(defaultsInput, patch));
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `overrides.${code}.${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid status threshold override: ${where}`);
    }
    overrides[code] = parsed.data;
  }
  return { defaults, overrides };
}

export const DEFAULT_STATUS_CONFIG: StatusConfig = { defaults: DEFAULT_THRESHOLDS, overrides: {} };

/** Thresholds for a unit: the most specific code with an override wins (e.g. system, then its province). */
export function thresholdsFor(config: StatusConfig, ...codes: string[]): Thresholds {
  for (const code of codes) {
    const o = config.overrides[code];
    if (o) return o;
  }
  return config.defaults;
}
