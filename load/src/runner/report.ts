import type { LatencySummary } from './latency-recorder.js';
import type { IngestRunResult } from './run-ingest.js';
import type { ThresholdVerdict } from './thresholds.js';

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');
const int = (v: number) => Math.round(v).toLocaleString('en-US');

export function formatLatency(l: LatencySummary): string {
  return `p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  (n=${int(l.count)})`;
}

export function formatThresholds(verdicts: ThresholdVerdict[]): string[] {
  return verdicts.map(
    (v) =>
      `  ${v.ok ? '✓' : '✗'} ${v.metric}: ${v.expression} (observed ${Number.isFinite(v.observed) ? +v.observed.toFixed(3) : 'none'})`,
  );
}

/** A k6-like end-of-run summary for a person at the terminal. */
export function formatIngestResult(r: IngestRunResult): string {
  const statuses = Object.entries(r.requests.byStatus)
    .map(([s, n]) => `${s === '0' ? 'network error' : s}: ${int(n)}`)
    .join(', ');
  return [
    `scenario ${r.scenario} (${r.executor}), run ${r.runId}, ${r.elapsedSec.toFixed(1)} s`,
    `  requests  ${int(r.requests.sent)} sent (${int(r.requestsPerSec)}/s), ${int(r.requests.dropped)} dropped — ${statuses}`,
    `  events    ${int(r.events.accepted)} accepted of ${int(r.events.sent)} (${int(r.acceptedEventsPerSec)}/s)`,
    `  latency   ${formatLatency(r.latencyMs)}`,
    `  generator worst schedule lag ${ms(r.maxScheduleLagMs)}`,
    ...formatThresholds(r.thresholds),
  ].join('\n');
}
