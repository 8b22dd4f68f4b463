import { compressSnappy } from './snappy.js';
import { WriteRequestType } from './wire-schemas.js';

export interface SeriesToSend {
  name: string;
  labels?: Readonly<Record<string, string>>;
  samples: readonly { value: number; timestamp: number }[];
}

/**
 * A remote-write 1.0 body exactly as Prometheus sends it (protobuf
 * `WriteRequest`, snappy block compression): for the conformance kit and the
 * benchmark, which play a vendor's Prometheus.
 */
export function encodeRemoteWrite(series: readonly SeriesToSend[]): Buffer {
  const message = WriteRequestType.fromObject({
    timeseries: series.map((s) => ({
      labels: [
        { name: '__name__', value: s.name },
        ...Object.entries(s.labels ?? {}).map(([name, value]) => ({ name, value })),
      ],
      samples: s.samples,
    })),
  });
  return snappyBlock(WriteRequestType.encode(message).finish());
}

/** Snappy block compression (the remote-write framing; also for tests that build broken bodies). */
export function snappyBlock(bytes: Uint8Array): Buffer {
  return Buffer.from(compressSnappy(bytes));
}

/** The series names of metric set v1 that make one complete health sample (docs/conformance.md). */
export const HEALTH_SERIES_NAMES = {
  uptime: 'kh02_uptime_percent',
  cpu: 'kh02_cpu_percent',
  ram: 'kh02_memory_percent',
  netIn: 'kh02_network_receive_bits_per_second',
  netOut: 'kh02_network_transmit_bits_per_second',
  response: 'kh02_response_time_seconds',
} as const;

/** One system's complete set at one instant (values in the contract's units; response time in seconds). */
export function healthSeriesFor(
  systemId: string,
  timestamp: number,
  v: { uptime: number; cpu: number; ram: number; netIn: number; netOut: number; response?: number },
  extraLabels: Readonly<Record<string, string>> = {},
): SeriesToSend[] {
  const labels = { kh02_system_id: systemId, ...extraLabels };
  const one = (name: string, value: number) => ({ name, labels, samples: [{ value, timestamp }] });
  return [
    one(HEALTH_SERIES_NAMES.uptime, v.uptime),
    one(HEALTH_SERIES_NAMES.cpu, v.cpu),
    one(HEALTH_SERIES_NAMES.ram, v.ram),
    one(HEALTH_SERIES_NAMES.netIn, v.netIn),
    one(HEALTH_SERIES_NAMES.netOut, v.netOut),
    ...(v.response === undefined ? [] : [one(HEALTH_SERIES_NAMES.response, v.response)]),
  ];
}
