import { encodeRemoteWrite, healthSeriesFor } from '@kh02/ingest';
import { MetricPushAcceptedSchema, PUSH_ROUTES } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { LatencyRecorder, type LatencySummary } from '../runner/latency-recorder.js';
import { waitForWriter } from './drain.js';
import type { Topology } from './topology.js';

export interface RemoteWritePhaseResult {
  requests: number;
  /** Series values per request (6 per system: the five required + response time). */
  valuesPerRequest: number;
  acceptedSamples: number;
  /** Health samples in 200 answers ÷ (first request → last answer). */
  acceptedSamplesPerSec: number;
  /** The same samples ÷ (first request → the writer had acknowledged everything). */
  landedSamplesPerSec: number;
  drainMs: number;
  latencyMs: LatencySummary;
  /** Answers other than 200 (each printed once by status). */
  refused: Record<string, number>;
  /** Samples accepted, under the run id the store counts remote-write rows by ('prw'), for the zero-loss check. */
  expected: Record<string, number>;
}

/**
 * Prometheus remote-write at its ceiling: `concurrency` pushers in closed
 * loop, each push the complete metric-set series of one vendor's systems
 * (up to `systemsPerPush`) at a fresh instant, so every sample is a new
 * event. The bodies are encoded exactly as Prometheus does (protobuf +
 * snappy) by the pushers, whose CPU is part of the measured machine.
 */
export async function runRemoteWritePhase(
  topology: Topology,
  opts: { durationSec: number; concurrency?: number; systemsPerPush?: number },
): Promise<RemoteWritePhaseResult> {
  const registry = defaultRegistry();
  const vendors = registry.vendors
    .map((v) => ({
      token: topology.tokens[`vendor-${v.code.toLowerCase()}`],
      systems: registry.systemsOfVendor(v.code),
    }))
    .filter((v) => v.token && v.systems.length > 0)
    .map((v) => ({ token: v.token ?? '', systems: v.systems.slice(0, opts.systemsPerPush ?? 100) }));
  if (vendors.length === 0) throw new Error('remote-write phase: no vendor key with systems');
  const url = `${topology.ingestUrl}${PUSH_ROUTES.prometheus}`;
  const latency = new LatencyRecorder();
  const refused: Record<string, number> = {};
  let requests = 0;
  let acceptedSamples = 0;
  let valuesPerRequest = 0;
  // Unique instants across pushers: a millisecond counter below now (samples must not be in the future).
  let instant = Date.now() - 10 * 60_000;
  const started = performance.now();
  const stopAt = started + opts.durationSec * 1000;
  let lastAnswer = started;

  async function pusher(n: number): Promise<void> {
    for (let i = n; performance.now() < stopAt; i += opts.concurrency ?? 8) {
      const vendor = vendors[i % vendors.length]!;
      const at = instant++;
      const series = vendor.systems.flatMap((s, k) =>
        healthSeriesFor(s.id, at, {
          uptime: 99.9,
          cpu: 20 + (k % 50),
          ram: 55,
          netIn: 4e6,
          netOut: 2e6,
          response: 0.2,
        }),
      );
      valuesPerRequest = series.length;
      const body = encodeRemoteWrite(series);
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-protobuf',
          'content-encoding': 'snappy',
          'x-prometheus-remote-write-version': '0.1.0',
          authorization: `Bearer ${vendor.token}`,
        },
        body,
      });
      const text = await res.text();
      lastAnswer = performance.now();
      latency.record(lastAnswer - t0);
      requests += 1;
      if (res.status !== 200) {
        refused[String(res.status)] = (refused[String(res.status)] ?? 0) + 1;
        continue;
      }
      const parsed = MetricPushAcceptedSchema.safeParse(JSON.parse(text));
      if (parsed.success && !parsed.data.duplicate) acceptedSamples += parsed.data.accepted;
    }
  }

  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, (_, n) => pusher(n)));
  const drain = await waitForWriter(topology, lastAnswer);
  return {
    requests,
    valuesPerRequest,
    acceptedSamples,
    acceptedSamplesPerSec: acceptedSamples / ((lastAnswer - started) / 1000),
    landedSamplesPerSec: acceptedSamples / ((drain.drainedAt - started) / 1000),
    drainMs: drain.drainMs,
    latencyMs: latency.summary(),
    refused,
    expected: { prw: acceptedSamples },
  };
}
