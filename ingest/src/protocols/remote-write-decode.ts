import { uncompressSnappy } from './snappy.js';
import { AS_PLAIN_OBJECT, WriteRequestType } from './wire-schemas.js';
import type { MetricPoint } from './metric-point.js';

/** Decoded (snappy-expanded) remote-write bodies above this are refused before expansion: a snappy bomb costs nothing. */
export const MAX_DECODED_BYTES = 16 * 1_048_576;
/** Series per request: Prometheus sends at most `max_samples_per_send` (500 by default in 2.x) per request. */
export const MAX_SERIES_PER_REQUEST = 20_000;

export interface DecodeFailure {
  reason:
    | 'invalid_snappy'
    | 'invalid_gzip'
    | 'decoded_too_large'
    | 'invalid_protobuf'
    | 'invalid_otlp_json'
    | 'too_many_series';
  detail: string;
}

interface WireWriteRequest {
  timeseries?: { labels?: { name?: string; value?: string }[]; samples?: { value?: number; timestamp?: string }[] }[];
}

/** Snappy block format (not framed), as the remote-write 1.0 spec requires. */
export function expandSnappy(body: Buffer): Uint8Array | DecodeFailure {
  try {
    return uncompressSnappy(body, MAX_DECODED_BYTES);
  } catch (err) {
    const message = (err as Error).message;
    if (message.includes('too big')) return { reason: 'decoded_too_large', detail: message };
    return { reason: 'invalid_snappy', detail: message };
  }
}

/** A remote-write 1.0 `WriteRequest` as points; labels named `__name__` give the metric name. */
export function decodeRemoteWrite(body: Buffer): MetricPoint[] | DecodeFailure {
  const expanded = expandSnappy(body);
  if (!(expanded instanceof Uint8Array)) return expanded;
  let request: WireWriteRequest;
  try {
    request = WriteRequestType.toObject(WriteRequestType.decode(expanded), AS_PLAIN_OBJECT);
  } catch (err) {
    return { reason: 'invalid_protobuf', detail: (err as Error).message };
  }
  const series = request.timeseries ?? [];
  if (series.length > MAX_SERIES_PER_REQUEST) {
    return { reason: 'too_many_series', detail: `${series.length} > ${MAX_SERIES_PER_REQUEST}` };
  }
  const points: MetricPoint[] = [];
  series.forEach((ts, i) => {
    const labels = new Map<string, string>();
    let name = '';
    for (const l of ts.labels ?? []) {
      if (l.name === '__name__') name = l.value ?? '';
      else if (l.name) labels.set(l.name, l.value ?? '');
    }
    for (const s of ts.samples ?? []) {
      points.push({
        name,
        labels,
        value: s.value ?? 0,
        timestampMs: Number(s.timestamp ?? 0),
        path: `timeseries[${i}]`,
      });
    }
  });
  return points;
}
