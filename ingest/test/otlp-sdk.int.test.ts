import type { ClickHouseClient } from '@clickhouse/client';
import { OTLPMetricExporter as HttpJsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { defaultRegistry } from '@kh02/schemas/registry';
import { eventually, openTestStore, startIngestHarness, startWriter, TEST_DB, type IngestHarness } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * OTLP/HTTP metrics with the official OpenTelemetry JS SDK as the client: a
 * MeterProvider whose resource names the system (`kh02.system_id`), gauges of
 * metric set v1, exported by `forceFlush()` and `shutdown()` through the official
 * protobuf and JSON exporters (gzip too) to a real listening ingest; the
 * samples land in the real ClickHouse engine through the real writer.
 */
const vnpt = defaultRegistry().systemsOfVendor('VNPT');
let store: { client: ClickHouseClient; close: () => Promise<void> };
let h: IngestHarness;
let writer: ReturnType<typeof startWriter>;
let url: string;

beforeAll(async () => {
  store = await openTestStore();
  h = await startIngestHarness({ now: Date.now });
  writer = startWriter(h.bus, store.client);
  await writer.start();
  url = `${(await h.app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1')}/v1/otlp/metrics`;
});
afterAll(async () => {
  await writer.stop();
  await h.close();
  await store.close();
});

/** Records what the exporter reported to the SDK (forceFlush itself does not fail on a failed export). */
function recording(exporter: PushMetricExporter, results: ExportResult[]): PushMetricExporter {
  const exportBatch = exporter.export.bind(exporter);
  exporter.export = (metrics, done) =>
    exportBatch(metrics, (result) => {
      results.push(result);
      done(result);
    });
  return exporter;
}

/**
 * Observes every metric-set gauge for `systemId` and exports: once on
 * `forceFlush()` and once more on `shutdown()` (the SDK's final collection),
 * each at its own collection time, so each is its own health sample.
 */
async function exportOnce(inner: PushMetricExporter, systemId: string, cpu: number): Promise<ExportResult[]> {
  const results: ExportResult[] = [];
  const exporter = recording(inner, results);
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'vnpt-portal', 'kh02.system_id': systemId }),
    readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
  });
  const meter = provider.getMeter('vendor-agent');
  const gauge = (name: string, value: number) =>
    meter.createObservableGauge(name).addCallback((result) => result.observe(value));
  gauge('kh02.uptime.percent', 99.5);
  gauge('kh02.cpu.percent', cpu);
  gauge('kh02.memory.percent', 64.25);
  gauge('kh02.network.receive.bits_per_second', 3_000_000);
  gauge('kh02.network.transmit.bits_per_second', 1_500_000);
  gauge('kh02.response_time.seconds', 0.25);
  meter.createObservableGauge('process.runtime.heap').addCallback((r) => r.observe(123));
  await provider.forceFlush();
  await provider.shutdown();
  return results;
}

async function stored(systemId: string) {
  const rs = await store.client.query({
    query: `SELECT event_id, cpu_pct, ram_pct, uptime_pct, net_in_bps, net_out_bps, response_ms
            FROM ${TEST_DB}.health_samples WHERE system_id = {id:String}`,
    query_params: { id: systemId },
    format: 'JSONEachRow',
  });
  return rs.json<Record<string, number | string>>();
}

const headers = () => ({ Authorization: `Bearer ${h.tokens['vendor-vnpt']}` });

describe('OTLP/HTTP metrics from the official OpenTelemetry JS exporters', () => {
  it.each([
    { label: 'protobuf', system: vnpt[0]!.id, make: () => new ProtobufExporter({ url, headers: headers() }) },
    { label: 'JSON', system: vnpt[1]!.id, make: () => new HttpJsonExporter({ url, headers: headers() }) },
    {
      label: 'protobuf + gzip',
      system: vnpt[2]!.id,
      make: () => new ProtobufExporter({ url, headers: headers(), compression: CompressionAlgorithm.GZIP }),
    },
  ])('$label: one export becomes one stored health sample with the observed values', async ({ system, make }) => {
    const results = await exportOnce(make(), system, 71.5);
    expect(results.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([r.code, r.error?.message]).toEqual([ExportResultCode.SUCCESS, undefined]);
    await eventually(async () => (await stored(system)).length === results.length, 20_000);
    for (const row of await stored(system)) {
      expect(row).toMatchObject({
        cpu_pct: 71.5,
        ram_pct: 64.25,
        uptime_pct: 99.5,
        net_in_bps: 3_000_000,
        net_out_bps: 1_500_000,
        response_ms: 250,
      });
      expect(String(row.event_id)).toMatch(/^otlp-[0-9a-f]{40}$/);
    }
  });

  it('an export with a wrong key fails in the SDK and stores nothing', async () => {
    const system = vnpt[3]!.id;
    const exporter = new ProtobufExporter({
      url,
      headers: { Authorization: 'Bearer kh02_vendor-vnpt_wrongsecretwrongsecretwrongsecret12' },
    });
    const results = await exportOnce(exporter, system, 10);
    expect(results.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect(r.code).toBe(ExportResultCode.FAILED);
    await eventually(() => writer.stats.bufferedRows === 0);
    expect(await stored(system)).toEqual([]);
  });
});
