import { Histogram, LATENCY_BUCKETS, metric, type MetricsRegistry } from '@kh02/platform';

/** The status engine's evaluation time and the live hub's fan-out delay, as histograms on the process registry. */
export function apiObservers(registry: MetricsRegistry) {
  const evaluation = metric(
    registry,
    'kh02_status_evaluation_seconds',
    () =>
      new Histogram({
        name: 'kh02_status_evaluation_seconds',
        help: 'Status engine evaluation (dirty: the changed units, every 200 ms; all: the whole wall, every 15 s)',
        labelNames: ['scope'],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  );
  const fanout = metric(
    registry,
    'kh02_live_fanout_delay_seconds',
    () =>
      new Histogram({
        name: 'kh02_live_fanout_delay_seconds',
        help: 'From a tile change in the engine to its diff on the sockets',
        labelNames: ['room'],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  );
  return {
    onEvaluated: (scope: 'dirty' | 'all', ms: number) => evaluation.observe({ scope }, ms / 1000),
    onFanout: (room: 'wall' | 'unit', ms: number) => fanout.observe({ room }, ms / 1000),
  };
}
