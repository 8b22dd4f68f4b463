import { Counter, metric, type MetricsRegistry } from '@kh02/platform';
import type { IgnoreReason } from './assemble-samples.js';
import type { PushProtocol } from './metric-point.js';

/** What became of pushed series values: used in a stored sample, refused, or ignored by reason. */
export class PushMetrics {
  private readonly values: Counter<'protocol' | 'outcome'>;

  constructor(registry: MetricsRegistry) {
    this.values = metric(
      registry,
      'kh02_ingest_push_series_values_total',
      () =>
        new Counter({
          name: 'kh02_ingest_push_series_values_total',
          help: 'Pushed series values (Prometheus remote-write, OTLP) by outcome: used, rejected, or the reason they were ignored (unknown_metric, unmapped, no_value, incomplete, unsupported_type)',
          labelNames: ['protocol', 'outcome'],
          registers: [registry],
        }),
    );
  }

  /** Values in samples newly durable on the bus (a retry's duplicate is not counted again). */
  used(protocol: PushProtocol, n: number): void {
    if (n > 0) this.values.inc({ protocol, outcome: 'used' }, n);
  }

  leftAside(protocol: PushProtocol, rejected: number, ignored: Record<IgnoreReason, number>): void {
    if (rejected > 0) this.values.inc({ protocol, outcome: 'rejected' }, rejected);
    for (const [reason, n] of Object.entries(ignored)) if (n > 0) this.values.inc({ protocol, outcome: reason }, n);
  }
}
