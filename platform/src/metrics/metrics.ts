import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export { Counter, Gauge, Histogram };
/** prom-client's registry (named apart from the unit registry). */
export type MetricsRegistry = Registry;

/** Latency buckets (seconds) from 1 ms to 10 s: an accept, a publish, an insert, a fan-out. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One Prometheus registry per process, with Node's own metrics (CPU, memory,
 * event-loop lag, GC) under `kh02_`. In the embedded default every service of
 * the process registers here, so each /metrics shows the whole process.
 */
export function createMetricsRegistry(): MetricsRegistry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kh02_' });
  return registry;
}

/** A metric of this name already registered (two apps in one process share a registry), or a new one. */
export function metric<T>(registry: MetricsRegistry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

/** The Prometheus text exposition of a registry, with its content type. */
export async function exposition(registry: MetricsRegistry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
