import type { TelemetryKind } from '@kh02/schemas';

/** Counters exposed at /metrics in the Prometheus text format. */
export class IngestMetrics {
  private readonly counters = new Map<string, number>();

  private inc(name: string, labels: Record<string, string>, by = 1): void {
    const key = `${name}{${Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  accepted(kind: TelemetryKind, accepted: number, rejected: number, duplicate: boolean): void {
    this.inc('kh02_ingest_events_accepted_total', { kind }, duplicate ? 0 : accepted);
    this.inc('kh02_ingest_events_rejected_total', { kind }, rejected);
    if (duplicate) this.inc('kh02_ingest_duplicate_requests_total', { kind });
  }

  response(status: number): void {
    this.inc('kh02_ingest_responses_total', { status: String(status) });
  }

  render(): string {
    return [...this.counters].map(([k, v]) => `${k} ${v}`).join('\n') + '\n';
  }
}
