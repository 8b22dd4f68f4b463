import type { BaselineRate, FloorResults } from './baselines.js';
import type { FloorMode } from './floor-bodies.js';
import type { SoakResult } from './soak-phase.js';
import type { TopologyResult } from './topology-run.js';
import { int, ms, pass, row } from './report-format.js';
import { ratiosTable, targetsTable } from './report-targets.js';

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: string;
  code: string;
  pinning: string;
  durationSec: number;
  floor: FloorResults | undefined;
  naive: Record<FloorMode, BaselineRate> | undefined;
  /** chDB alone: the writer's 10,000-row inserts back to back. */
  store: BaselineRate | undefined;
  topologies: TopologyResult[];
  soak: SoakResult | undefined;
}

function phasesTable(r: BenchReport): string[] {
  const lines = [
    row([
      'topology',
      'scenario',
      'requests sent / dropped / non-2xx',
      'accepted ev/s',
      'landed rows/s',
      'drain ms',
      'accept p50 / p99 / max ms',
      'loop max ms',
      'heap / RSS MB',
      'CPU % (system procs; generator)',
      'other load %',
      'listen overflows',
      'thresholds',
    ]),
    row(Array.from({ length: 13 }, () => '---')),
  ];
  for (const t of r.topologies) {
    for (const p of t.phases) {
      const non2xx = Object.entries(p.run.requests.byStatus)
        .filter(([s]) => !s.startsWith('2'))
        .reduce((a, [, n]) => a + n, 0);
      const cpu = Object.entries(p.cpuPercent)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ');
      lines.push(
        row([
          t.kind,
          p.scenario,
          `${int(p.run.requests.sent)} / ${int(p.run.requests.dropped)} / ${int(non2xx)}`,
          int(p.run.acceptedEventsPerSec),
          int(p.landedRowsPerSec),
          int(p.drainMs),
          `${ms(p.run.latencyMs.p50)} / ${ms(p.run.latencyMs.p99)} / ${ms(p.run.latencyMs.max)}`,
          ms(p.systemEventLoop.maxMs),
          `${int(p.systemHeap.heapUsedMb)} / ${int(p.systemHeap.rssMb)}`,
          `${cpu}; ${Math.round(p.run.generatorCpuPercent)}`,
          int(p.machine.foreignPercent),
          int(p.machine.listenOverflows),
          p.run.thresholds.map((v) => `${v.metric} ${v.expression}${pass(v.ok)}`).join('; '),
        ]),
      );
    }
  }
  return lines;
}

function lossTable(r: BenchReport): string[] {
  const lines = [
    row(['topology', 'run', 'what', 'acknowledged', 'count()', 'uniqExact(event_id)', 'ok']),
    row(Array.from({ length: 7 }, () => '---')),
  ];
  for (const t of r.topologies) {
    for (const z of t.zeroLoss)
      lines.push(row([t.kind, z.runId, z.what, int(z.acknowledged), int(z.rows), int(z.uniqueIds), z.ok ? '✓' : '✗']));
  }
  return lines;
}

function remoteWriteTable(r: BenchReport): string[] {
  const phases = r.topologies.flatMap((t) => (t.remoteWrite ? [[t.kind, t.remoteWrite] as const] : []));
  if (phases.length === 0) return [];
  return [
    '### Prometheus remote-write',
    '',
    row([
      'topology',
      'pushes',
      'values / push',
      'samples accepted/s',
      'samples landed/s',
      'drain ms',
      'push p50 / p99 ms',
      'refused',
    ]),
    row(Array.from({ length: 8 }, () => '---')),
    ...phases.map(([kind, p]) =>
      row([
        kind,
        int(p.requests),
        int(p.valuesPerRequest),
        int(p.acceptedSamplesPerSec),
        int(p.landedSamplesPerSec),
        int(p.drainMs),
        `${ms(p.latencyMs.p50)} / ${ms(p.latencyMs.p99)}`,
        Object.entries(p.refused)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ') || '0',
      ]),
    ),
    '',
  ];
}

function soakTable(s: SoakResult): string[] {
  return [
    `${s.scenario} × ${s.scale} for ${s.seconds} s on one embedded system: ${int(s.run.acceptedEventsPerSec)} events/s accepted, accept p99 ${ms(s.run.latencyMs.p99)} ms, ${int(s.run.requests.dropped)} dropped, zero loss ${s.zeroLoss ? 'yes' : 'NO'}`,
    '',
    row(['t (s)', 'V8 heap MB', 'RSS MB', 'event-loop p99 / max ms', 'writer backlog (messages)']),
    row(['---', '---', '---', '---', '---']),
    ...s.samples.map((x) =>
      row([
        String(x.atSec),
        int(x.heapUsedMb),
        int(x.rssMb),
        `${ms(x.eventLoopP99Ms)} / ${ms(x.eventLoopMaxMs)}`,
        int(x.writerBacklog),
      ]),
    ),
  ];
}

/** The benchmark's report as Markdown (printed, and written with --out). */
export function renderReport(r: BenchReport): string {
  return [
    `## Benchmark run ${r.startedAt}`,
    '',
    `- command: \`${r.command}\``,
    `- machine: ${r.machine}`,
    `- code: ${r.code}`,
    `- pinning: ${r.pinning}; ${r.durationSec} s per constant-rate phase`,
    ...r.topologies.map((t) => `- ${t.kind} topology: ${t.description}`),
    '',
    '### Against the targets',
    '',
    ...targetsTable(r),
    '',
    '### Ceilings and ratios',
    '',
    ...ratiosTable(r),
    '',
    '### Every phase',
    '',
    ...phasesTable(r),
    '',
    ...remoteWriteTable(r),
    '### Zero loss (after the system stopped, counted in its chDB directory)',
    '',
    ...lossTable(r),
    '',
    ...(r.soak ? ['### Soak', '', ...soakTable(r.soak), ''] : []),
  ].join('\n');
}
