import type { LatencySummary } from '../runner/latency-recorder.js';
import type { IngestPhaseResult } from './ingest-phase.js';
import type { TopologyResult } from './topology-run.js';

/** Number and table formatting shared by the report's sections. */
export const int = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en-US');
export const ms = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(1) : String(Math.round(v));
export const lat = (l: LatencySummary | undefined) => (l && l.count > 0 ? `${ms(l.p50)} / ${ms(l.p99)}` : '–');
export const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(b > 0) ? '–' : `${(a / b).toFixed(2)}×`;
export const pass = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

export function phase(t: TopologyResult | undefined, scenario: string): IngestPhaseResult | undefined {
  return t?.phases.find((p) => p.scenario === scenario);
}

export function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
