import { AS_PLAIN_OBJECT, ExportMetricsRequestType } from './wire-schemas.js';
import type { MetricPoint } from './metric-point.js';
import { MAX_SERIES_PER_REQUEST, type DecodeFailure } from './remote-write-decode.js';

interface WireAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
}
interface WireKeyValue {
  key?: string;
  value?: WireAnyValue;
}
interface WireNumberPoint {
  attributes?: WireKeyValue[];
  timeUnixNano?: string;
  asDouble?: number;
  asInt?: string;
}
interface WireMetric {
  name?: string;
  gauge?: { dataPoints?: WireNumberPoint[] };
  sum?: { dataPoints?: WireNumberPoint[] };
}
interface WireRequest {
  resourceMetrics?: { resource?: { attributes?: WireKeyValue[] }; scopeMetrics?: { metrics?: WireMetric[] }[] }[];
}

export interface OtlpPoints {
  points: MetricPoint[];
  /** Metrics of a type we do not read (histograms, summaries): counted as ignored series. */
  unsupportedMetrics: number;
}

/**
 * Scalar attribute values as label strings, names with dots read as
 * underscores (`kh02.system_id` = `kh02_system_id`, `service.name` =
 * `service_name`); arrays, maps and bytes cannot name a system.
 */
function attributes(kvs: WireKeyValue[] | undefined, into: Map<string, string>): void {
  for (const kv of kvs ?? []) {
    const v = kv.value;
    if (!kv.key || !v) continue;
    const scalar = v.stringValue ?? v.intValue ?? (v.boolValue === undefined ? v.doubleValue : String(v.boolValue));
    if (scalar !== undefined) into.set(kv.key.replaceAll('.', '_'), String(scalar));
  }
}

/** Nanoseconds since the epoch (a decimal string, exact) to milliseconds. */
function nanosToMs(nanos: string | undefined): number {
  if (!nanos || !/^\d{1,20}$/.test(nanos)) return 0;
  return Number(BigInt(nanos) / 1_000_000n);
}

function pointValue(p: WireNumberPoint): number {
  if (p.asInt !== undefined) return Number(p.asInt);
  return p.asDouble ?? Number.NaN;
}

function flatten(request: WireRequest): OtlpPoints | DecodeFailure {
  const points: MetricPoint[] = [];
  let unsupportedMetrics = 0;
  for (const [r, rm] of (request.resourceMetrics ?? []).entries()) {
    const resource = new Map<string, string>();
    attributes(rm.resource?.attributes, resource);
    for (const [s, sm] of (rm.scopeMetrics ?? []).entries()) {
      for (const [m, metric] of (sm.metrics ?? []).entries()) {
        const dataPoints = metric.gauge?.dataPoints ?? metric.sum?.dataPoints;
        if (!dataPoints) {
          unsupportedMetrics += 1;
          continue;
        }
        for (const [d, p] of dataPoints.entries()) {
          const labels = new Map(resource);
          attributes(p.attributes, labels);
          points.push({
            name: metric.name ?? '',
            labels,
            value: pointValue(p),
            timestampMs: nanosToMs(p.timeUnixNano),
            path: `resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}].dataPoints[${d}]`,
          });
        }
      }
    }
  }
  if (points.length > MAX_SERIES_PER_REQUEST) {
    return { reason: 'too_many_series', detail: `${points.length} > ${MAX_SERIES_PER_REQUEST}` };
  }
  return { points, unsupportedMetrics };
}

/** OTLP/HTTP binary protobuf (`application/x-protobuf`). */
export function decodeOtlpProtobuf(body: Uint8Array): OtlpPoints | DecodeFailure {
  let request: WireRequest;
  try {
    request = ExportMetricsRequestType.toObject(ExportMetricsRequestType.decode(body), AS_PLAIN_OBJECT);
  } catch (err) {
    return { reason: 'invalid_protobuf', detail: (err as Error).message };
  }
  return flatten(request);
}

/** OTLP/HTTP JSON (`application/json`): the proto3 JSON mapping, lowerCamelCase names, 64-bit integers as strings. */
export function decodeOtlpJson(body: unknown): OtlpPoints | DecodeFailure {
  let request: WireRequest;
  try {
    request = ExportMetricsRequestType.toObject(
      ExportMetricsRequestType.fromObject(body as Record<string, unknown>),
      AS_PLAIN_OBJECT,
    );
  } catch (err) {
    return { reason: 'invalid_otlp_json', detail: (err as Error).message };
  }
  return flatten(request);
}
