import { createHash } from 'node:crypto';
import {
  bilingual,
  HealthSampleSchema,
  timeWindowIssues,
  toFieldIssues,
  type FieldIssue,
  type HealthSample,
  type TimeWindowPolicy,
} from '@kh02/schemas';
import type { ApiKeyRecord } from '../auth/api-keys.js';
import { checkScope, type ScopeRegistry } from '../auth/scope.js';
import { systemOfSeries } from '../auth/series-map.js';
import type { MetricPoint, PushProtocol } from './metric-point.js';
import { measureSource, METRIC_SET_VERSION, REQUIRED_MEASURES, type Measure } from './metric-set.js';

/** Why a series value was counted and left aside (never stored, not an error: see docs/conformance.md). */
export const IGNORE_REASONS = ['unknown_metric', 'unmapped', 'no_value', 'incomplete', 'unsupported_type'] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

export interface AssembledSamples {
  samples: HealthSample[];
  /** Series values that made a stored sample. */
  used: number;
  ignored: Record<IgnoreReason, number>;
  /** Values the sender must fix (out of range, unknown system, conflicting series, outside the time window). */
  issues: FieldIssue[];
  /** Series the key may not report (another vendor's system, a unit outside the key): the request is refused. */
  forbidden: FieldIssue[];
}

interface Candidate {
  value: number;
  priority: number;
  path: string;
}

interface Group {
  systemId: string;
  timestampMs: number;
  points: number;
  firstPath: string;
  measures: Map<Measure, Candidate>;
  conflict?: { measure: Measure; path: string };
}

const EVENT_PREFIX: Record<PushProtocol, string> = { prometheus: 'prw', otlp: 'otlp' };

/** Stable per (protocol, system, metric set, instant): a retried or re-batched push maps onto the same event. */
export function pushEventId(protocol: PushProtocol, systemId: string, timestampMs: number): string {
  const digest = createHash('sha256').update(`${systemId}|${METRIC_SET_VERSION}|${timestampMs}`).digest('hex');
  return `${EVENT_PREFIX[protocol]}-${digest.slice(0, 40)}`;
}

function groupPoints(points: readonly MetricPoint[], key: ApiKeyRecord, ignored: Record<IgnoreReason, number>) {
  const groups = new Map<string, Group>();
  for (const p of points) {
    const source = measureSource(p.name);
    if (!source) {
      ignored.unknown_metric += 1;
      continue;
    }
    // NaN is how Prometheus marks a series gone stale (and how a rule divides by zero): no reading.
    if (Number.isNaN(p.value)) {
      ignored.no_value += 1;
      continue;
    }
    const systemId = systemOfSeries(p.labels, key.series_map);
    if (!systemId) {
      ignored.unmapped += 1;
      continue;
    }
    const id = `${systemId}|${p.timestampMs}`;
    let g = groups.get(id);
    if (!g) {
      g = { systemId, timestampMs: p.timestampMs, points: 0, firstPath: p.path, measures: new Map() };
      groups.set(id, g);
    }
    g.points += 1;
    const next = { value: source.convert(p.value), priority: source.priority, path: p.path };
    const held = g.measures.get(source.measure);
    if (!held || next.priority > held.priority) g.measures.set(source.measure, next);
    else if (next.priority === held.priority && next.value !== held.value) {
      g.conflict ??= { measure: source.measure, path: p.path };
    }
  }
  return groups.values();
}

function conflictIssue(g: Group, c: { measure: Measure; path: string }): FieldIssue {
  const at = new Date(g.timestampMs).toISOString();
  return {
    path: c.path,
    reason: 'conflicting_series',
    message: bilingual(
      `Hai chuỗi số liệu khác nhau cùng cho ${c.measure} của hệ thống ${g.systemId} lúc ${at}; hãy gộp (sum/avg by kh02_system_id) hoặc phân biệt hệ thống.`,
      `Two different series give ${c.measure} for system ${g.systemId} at ${at}; aggregate them (by kh02_system_id) or map them to different systems.`,
    ),
  };
}

function buildEvent(g: Group, key: ApiKeyRecord, registry: ScopeRegistry, protocol: PushProtocol): HealthSample {
  const system = registry.system(g.systemId);
  const event: Record<string, unknown> = {
    event_id: pushEventId(protocol, g.systemId, g.timestampMs),
    vendor: key.vendor ?? system?.vendorCode,
    system_id: g.systemId,
    unit_code: system?.unitCode,
    observed_at: new Date(g.timestampMs).toISOString(),
  };
  for (const [measure, c] of g.measures) event[measure] = c.value;
  return event as unknown as HealthSample;
}

/** A field issue of the built event, pointed back at the series that supplied the field. */
function atSeries(issues: FieldIssue[], g: Group): FieldIssue[] {
  return issues.map((i) => {
    const field = i.path.split(/[.[]/)[0] as Measure;
    return { ...i, path: g.measures.get(field)?.path ?? g.firstPath };
  });
}

/**
 * Series → health samples: each value is mapped to its system (label or the
 * key's series map) and to its field (the metric set), and grouped by system
 * and instant; a group with every required field is one health sample at that
 * instant, checked like a JSON one (contract, time window, the key's scope).
 */
export function assembleSamples(
  points: readonly MetricPoint[],
  ctx: {
    key: ApiKeyRecord;
    registry: ScopeRegistry;
    protocol: PushProtocol;
    nowMs: number;
    timeWindow: TimeWindowPolicy;
    unsupportedMetrics?: number;
  },
): AssembledSamples {
  const ignored = Object.fromEntries(IGNORE_REASONS.map((r) => [r, 0])) as Record<IgnoreReason, number>;
  ignored.unsupported_type = ctx.unsupportedMetrics ?? 0;
  const out: AssembledSamples = { samples: [], used: 0, ignored, issues: [], forbidden: [] };
  for (const g of groupPoints(points, ctx.key, ignored)) {
    const event = buildEvent(g, ctx.key, ctx.registry, ctx.protocol);
    const scope = checkScope('health_sample', ctx.key, event, ctx.registry);
    if (scope.kind === 'forbidden') {
      out.forbidden.push({ ...scope.issue, path: g.firstPath });
      continue;
    }
    if (scope.kind === 'invalid') {
      out.issues.push({ ...scope.issue, path: g.firstPath });
      continue;
    }
    if (g.conflict) {
      out.issues.push(conflictIssue(g, g.conflict));
      continue;
    }
    if (REQUIRED_MEASURES.some((m) => !g.measures.has(m))) {
      ignored.incomplete += g.points;
      continue;
    }
    const parsed = HealthSampleSchema.safeParse(event, { reportInput: true });
    if (!parsed.success) {
      out.issues.push(...atSeries(toFieldIssues(parsed.error), g));
      continue;
    }
    const late = timeWindowIssues('health_sample', parsed.data, ctx.nowMs, ctx.timeWindow);
    if (late.length > 0) {
      out.issues.push(...late.map((i) => ({ ...i, path: g.firstPath })));
      continue;
    }
    out.samples.push(parsed.data);
    out.used += g.points;
  }
  return out;
}
