/** The health-sample fields a series can fill. */
export type Measure = 'uptime_pct' | 'cpu_pct' | 'ram_pct' | 'net_in_bps' | 'net_out_bps' | 'response_ms';

/** A health sample needs these; `response_ms` is optional, as in the JSON contract. */
export const REQUIRED_MEASURES: readonly Measure[] = ['uptime_pct', 'cpu_pct', 'ram_pct', 'net_in_bps', 'net_out_bps'];

export interface MeasureSource {
  measure: Measure;
  /** Series value → the contract's unit. */
  convert: (value: number) => number;
  /** When two recognised series fill the same measure at one instant, the higher wins (`kh02_uptime_percent` over `up`). */
  priority: number;
}

const same = (v: number) => v;

/**
 * The metric set, version 1: which series become which health-sample field
 * (docs/conformance.md shows the Prometheus recording rules and the OTel
 * instruments that produce them). OTLP names are matched with dots read as
 * underscores (`kh02.cpu.percent` = `kh02_cpu_percent`), as Prometheus's own
 * OTLP translation does. Every other name is an unknown series: counted, never stored.
 */
export const METRIC_SET_VERSION = 'kh02.v1';
export const METRIC_SET: Readonly<Record<string, MeasureSource>> = {
  up: { measure: 'uptime_pct', convert: (v) => v * 100, priority: 0 },
  kh02_uptime_percent: { measure: 'uptime_pct', convert: same, priority: 1 },
  kh02_cpu_percent: { measure: 'cpu_pct', convert: same, priority: 1 },
  kh02_memory_percent: { measure: 'ram_pct', convert: same, priority: 1 },
  kh02_network_receive_bits_per_second: { measure: 'net_in_bps', convert: same, priority: 1 },
  kh02_network_transmit_bits_per_second: { measure: 'net_out_bps', convert: same, priority: 1 },
  kh02_response_time_seconds: { measure: 'response_ms', convert: (v) => v * 1000, priority: 1 },
  probe_duration_seconds: { measure: 'response_ms', convert: (v) => v * 1000, priority: 0 },
};

export function measureSource(name: string): MeasureSource | undefined {
  const key = name.replaceAll('.', '_');
  // Own keys only: a series named `constructor` is unknown, not Object.prototype's.
  return Object.hasOwn(METRIC_SET, key) ? METRIC_SET[key] : undefined;
}
