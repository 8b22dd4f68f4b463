import type { TelemetryKind } from '@kh02/schemas';
import { Counter, Histogram, LATENCY_BUCKETS, metric, type MetricsRegistry } from '@kh02/platform';

/** The ingest API's counters and latencies, on the process's Prometheus registry. */
export class IngestMetrics {
  private readonly responses: Counter<'status'>;
  private readonly acceptedEvents: Counter<'kind'>;
  private readonly rejectedEvents: Counter<'kind'>;
  private readonly duplicates: Counter<'kind'>;
  private readonly acceptSeconds: Histogram<'kind' | 'status'>;
  private readonly publishSeconds: Histogram<'kind'>;

  constructor(readonly registry: MetricsRegistry) {
    const r = [registry];
    this.responses = metric(
      registry,
      'kh02_ingest_responses_total',
      () =>
        new Counter({
          name: 'kh02_ingest_responses_total',
          help: 'Ingest answers by HTTP status',
          labelNames: ['status'],
          registers: r,
        }),
    );
    this.acceptedEvents = metric(
      registry,
      'kh02_ingest_events_accepted_total',
      () =>
        new Counter({
          name: 'kh02_ingest_events_accepted_total',
          help: 'Events accepted (durable on the bus), retries not counted',
          labelNames: ['kind'],
          registers: r,
        }),
    );
    this.rejectedEvents = metric(
      registry,
      'kh02_ingest_events_rejected_total',
      () =>
        new Counter({
          name: 'kh02_ingest_events_rejected_total',
          help: 'Rows refused inside partly accepted batches',
          labelNames: ['kind'],
          registers: r,
        }),
    );
    this.duplicates = metric(
      registry,
      'kh02_ingest_duplicate_requests_total',
      () =>
        new Counter({
          name: 'kh02_ingest_duplicate_requests_total',
          help: 'Retried requests answered from the bus dedup window',
          labelNames: ['kind'],
          registers: r,
        }),
    );
    this.acceptSeconds = metric(
      registry,
      'kh02_ingest_accept_seconds',
      () =>
        new Histogram({
          name: 'kh02_ingest_accept_seconds',
          help: 'Time from a telemetry request arriving to its answer (the event durable on the bus when 2xx)',
          labelNames: ['kind', 'status'],
          buckets: LATENCY_BUCKETS,
          registers: r,
        }),
    );
    this.publishSeconds = metric(
      registry,
      'kh02_bus_publish_seconds',
      () =>
        new Histogram({
          name: 'kh02_bus_publish_seconds',
          help: 'Bus publish until its acknowledgement (fsync or JetStream ack)',
          labelNames: ['kind'],
          buckets: LATENCY_BUCKETS,
          registers: r,
        }),
    );
  }

  accepted(kind: TelemetryKind, accepted: number, rejected: number, duplicate: boolean): void {
    if (!duplicate) this.acceptedEvents.inc({ kind }, accepted);
    if (rejected > 0) this.rejectedEvents.inc({ kind }, rejected);
    if (duplicate) this.duplicates.inc({ kind });
  }

  response(status: number): void {
    this.responses.inc({ status: String(status) });
  }

  accept(kind: TelemetryKind, status: number, seconds: number): void {
    this.acceptSeconds.observe({ kind, status: String(status) }, seconds);
  }

  published(kind: TelemetryKind, seconds: number): void {
    this.publishSeconds.observe({ kind }, seconds);
  }
}
