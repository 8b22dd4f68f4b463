import type { BenchReport } from './report.js';
import { int, lat, ms, phase, ratio, row } from './report-format.js';
import type { TopologyResult } from './topology-run.js';

/** Targets of issue 6, side by side for each topology. */
export function targetsTable(r: BenchReport): string[] {
  const e = r.topologies.find((t) => t.kind === 'embedded');
  const n = r.topologies.find((t) => t.kind === 'nats');
  const lines = [row(['measure (during the phase)', 'embedded', 'NATS', 'target']), row(['---', '---', '---', '---'])];
  const both = (label: string, f: (t: TopologyResult | undefined) => string, target: string) =>
    lines.push(row([label, f(e), f(n), target]));
  const x10 = (t: TopologyResult | undefined) => phase(t, 'x10');
  const x100 = (t: TopologyResult | undefined) => phase(t, 'x100');
  both(
    'x10 offered 10k single-event POSTs/s: accepted events/s',
    (t) => int(x10(t)?.run.acceptedEventsPerSec),
    '≥ 10,000',
  );
  both('x10: rows/s landed in ClickHouse', (t) => int(x10(t)?.landedRowsPerSec), '≥ 10,000');
  both('x10: accept latency p50 / p99 (ms)', (t) => lat(x10(t)?.run.latencyMs), 'p99 < 50');
  both(
    'x100 offered 100k events/s in 100-event batches: accepted events/s',
    (t) => int(x100(t)?.run.acceptedEventsPerSec),
    '≥ 100,000',
  );
  both('x100: rows/s landed in ClickHouse', (t) => int(x100(t)?.landedRowsPerSec), '≥ 100,000');
  both('x100: accept latency p50 / p99 (ms)', (t) => lat(x100(t)?.run.latencyMs), 'p99 < 50');
  for (const s of ['x10', 'x100']) {
    both(`POST → wall diff p50 / p99 (ms) during ${s}`, (t) => lat(phase(t, s)?.probe?.postToTileMs), 'p99 < 1,500');
    both(`heat map GET /api/v1/wall p50 / p99 (ms) during ${s}`, (t) => lat(phase(t, s)?.queries?.heatmap), 'p99 < 50');
    both(
      `drill-down GET /api/v1/units/79 p50 / p99 (ms) during ${s}`,
      (t) => lat(phase(t, s)?.queries?.drilldown),
      '–',
    );
    both(
      `drill-down chart …/timeseries?metric=received p50 / p99 (ms) during ${s}`,
      (t) => lat(phase(t, s)?.queries?.timeseries),
      '–',
    );
  }
  both(
    '17h00 burst (4 s ramp): answered 2xx or 429/503 + Retry-After / due; accept p99 (ms)',
    (t) => {
      const b = phase(t, 'burst-17h');
      return b
        ? `${int(b.run.checksPassed)} / ${int(b.run.requests.sent + b.run.requests.dropped)} (${int(b.run.requests.dropped)} never sent: all VUs busy); ${ms(b.run.latencyMs.p99)}`
        : '–';
    },
    'all; p99 < 500',
  );
  both(
    'fan-out: walls held / requested',
    (t) => (t?.fanout ? `${t.fanout.fanout.clientsConnectedAtEnd} / ${t.fanout.fanout.clientsRequested}` : '–'),
    '1,000',
  );
  both(
    'fan-out: diff delivery p50 / p99 (ms); diffs/s per wall avg / max',
    (t) =>
      t?.fanout
        ? `${lat(t.fanout.fanout.diffLatencyMs)}; ${t.fanout.fanout.diffsPerSecAvg.toFixed(1)} / ${t.fanout.fanout.diffsPerSecMax}`
        : '–',
    'p99 < 100; ≤ 4/s',
  );
  both(
    'fan-out: server CPU (% of one core); wall-client process CPU; server event loop p99 / max',
    (t) =>
      t?.fanout
        ? `${Math.round(t.fanout.serverCpuPercent)} %; ${Math.round(t.fanout.clientCpuPercent)} %; ${ms(t.fanout.serverEventLoop.p99Ms)} / ${ms(t.fanout.serverEventLoop.maxMs)} ms`
        : '–',
    '< 25 %',
  );
  both(
    'POST → wall diff p50 / p99 (ms) with no ingest load (fan-out phase)',
    (t) => lat(t?.fanout?.fanout.probe.postToTileMs),
    'p99 < 1,500',
  );
  both(
    'peak RSS per process (MB)',
    (t) =>
      t
        ? Object.entries(t.peakMemory)
            .map(([k, m]) => `${k} ${int(m?.peakRssMb)}`)
            .join('; ')
        : '–',
    'api, ingest ≤ 256 (+ chDB ≈ 270)',
  );
  both(
    'zero loss: acknowledged = count() = uniqExact(event_id)',
    (t) =>
      t
        ? `${t.zeroLoss.every((z) => z.ok) ? 'yes' : 'NO'} (${int(t.zeroLoss.reduce((a, z) => a + z.rows, 0))} rows, ${t.zeroLoss.length} runs)`
        : '–',
    'yes',
  );
  return lines;
}

/** Ceilings and the two ratios the issue asks for. */
export function ratiosTable(r: BenchReport): string[] {
  const lines = [row(['events/s', 'single-event requests', '100-event batches']), row(['---', '---', '---'])];
  const f = r.floor;
  lines.push(
    row([
      'raw floor: JSON.parse + validateBatch + publish, embedded journal',
      int(f?.local.single.eventsPerSec),
      int(f?.local.batch.eventsPerSec),
    ]),
  );
  if (f?.nats)
    lines.push(
      row(['raw floor: same, NATS JetStream publish', int(f.nats.single.eventsPerSec), int(f.nats.batch.eventsPerSec)]),
    );
  lines.push(
    row([
      'naive baseline: one chDB INSERT per request',
      int(r.naive?.single.eventsPerSec),
      int(r.naive?.batch.eventsPerSec),
    ]),
  );
  lines.push(
    row([
      "store ceiling: chDB INSERTs of the writer's 10,000-row flushes, back to back",
      '–',
      int(r.store?.eventsPerSec),
    ]),
  );
  for (const t of r.topologies) {
    const s = phase(t, 'saturate-single');
    const b = phase(t, 'saturate-batch');
    const floor = t.kind === 'nats' ? (f?.nats ?? f?.local) : f?.local;
    lines.push(
      row([
        `pipeline ceiling (${t.kind}): accepted`,
        int(s?.run.acceptedEventsPerSec),
        int(b?.run.acceptedEventsPerSec),
      ]),
    );
    lines.push(
      row([`pipeline ceiling (${t.kind}): landed in ClickHouse`, int(s?.landedRowsPerSec), int(b?.landedRowsPerSec)]),
    );
    lines.push(
      row([
        `ratio (${t.kind}) accepted ÷ raw floor`,
        ratio(s?.run.acceptedEventsPerSec, floor?.single.eventsPerSec),
        ratio(b?.run.acceptedEventsPerSec, floor?.batch.eventsPerSec),
      ]),
    );
    lines.push(
      row([
        `ratio (${t.kind}) landed ÷ naive baseline`,
        ratio(s?.landedRowsPerSec, r.naive?.single.eventsPerSec),
        ratio(b?.landedRowsPerSec, r.naive?.batch.eventsPerSec),
      ]),
    );
  }
  return lines;
}
