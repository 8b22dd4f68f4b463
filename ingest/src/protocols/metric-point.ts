/** One value of one series, whatever protocol carried it: what the sample assembler works on. */
export interface MetricPoint {
  /** Metric name as sent (`__name__` in remote-write, `Metric.name` in OTLP). */
  name: string;
  /** Series labels (remote-write) or resource + data-point attributes (OTLP), without the name. */
  labels: ReadonlyMap<string, string>;
  value: number;
  timestampMs: number;
  /** Where it came from in the request, for per-series errors (`timeseries[3]`, `resourceMetrics[0]…`). */
  path: string;
}

/** The two push protocols; each has its own event-id namespace. */
export type PushProtocol = 'prometheus' | 'otlp';
