import { readFile } from 'node:fs/promises';
import type { ClickHouseClient } from '@clickhouse/client';
import type { StatusService } from '@kh02/api';
import {
  eventually,
  makeStatusService,
  openTestStore,
  promQuery,
  startIngestHarness,
  startNodeExporter,
  startPrometheus,
  startWriter,
  TEST_DB,
  VNPT_SYSTEM,
  type IngestHarness,
  type RunningProcess,
} from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 19's proof: a real Prometheus (Debian `prometheus` 2.42) scrapes a
 * real node-exporter, evaluates the documented KH02 recording rules
 * (docs/examples/prometheus/kh02-rules.yml, loaded as it is) and
 * remote-writes to our ingest with a vendor key as a bearer token. The system
 * leaves `noreport` in the status engine, and ClickHouse holds health samples
 * whose values are what Prometheus computes from the exporter at that instant.
 */
const RULES = await readFile(new URL('../../docs/examples/prometheus/kh02-rules.yml', import.meta.url), 'utf8');
const SYSTEM = VNPT_SYSTEM.id;

let store: { client: ClickHouseClient; close: () => Promise<void> };
let h: IngestHarness;
let writer: ReturnType<typeof startWriter>;
let status: StatusService;
let exporter: RunningProcess;
let prometheus: RunningProcess;

function prometheusConfig(exporterUrl: string, ingestUrl: string, token: string): string {
  return `
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [kh02-rules.yml]
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['${exporterUrl.replace('http://', '')}']
        labels:
          kh02_system_id: ${SYSTEM}
remote_write:
  - url: ${ingestUrl}/v1/prometheus/write
    authorization:
      type: Bearer
      credentials: ${token}
    queue_config:
      batch_send_deadline: 1s
      min_backoff: 100ms
      max_backoff: 1s
`;
}

interface StoredSample {
  event_id: string;
  observed_ms: number;
  uptime_pct: number;
  cpu_pct: number;
  ram_pct: number;
  net_in_bps: number;
  net_out_bps: number;
  vendor: string;
  unit_code: string;
}

async function storedSamples(): Promise<StoredSample[]> {
  const rs = await store.client.query({
    query: `SELECT event_id, toUnixTimestamp64Milli(observed_at) AS observed_ms, uptime_pct, cpu_pct, ram_pct,
                   net_in_bps, net_out_bps, vendor, unit_code
            FROM ${TEST_DB}.health_samples WHERE system_id = {id:String} ORDER BY observed_at`,
    query_params: { id: SYSTEM },
    format: 'JSONEachRow',
  });
  return (await rs.json<StoredSample>()).map((r) => ({ ...r, observed_ms: Number(r.observed_ms) }));
}

beforeAll(async () => {
  store = await openTestStore();
  h = await startIngestHarness({ now: Date.now });
  writer = startWriter(h.bus, store.client);
  await writer.start();
  status = makeStatusService(h.bus, store.client, Date.now);
  await status.start();
  const ingestUrl = (await h.app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1');
  exporter = await startNodeExporter();
  prometheus = await startPrometheus(prometheusConfig(exporter.url, ingestUrl, h.tokens['vendor-vnpt']!), {
    'kh02-rules.yml': RULES,
  });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter?.stop();
  await status?.stop();
  await writer?.stop();
  await h?.close();
  await store?.close();
});

describe.sequential('a real Prometheus remote-writing node-exporter series', () => {
  it('the system leaves noreport in the status engine once its first samples arrive', async () => {
    status.engine.evaluateAll();
    expect(status.engine.child(SYSTEM)?.status).toBe('noreport');
    await eventually(() => {
      status.engine.evaluateDirty();
      return status.engine.child(SYSTEM)?.status !== 'noreport';
    }, 60_000);
    expect(status.engine.child(SYSTEM)?.reasons.map((r) => r.indicator)).not.toContain('no_data');
  });

  it('ClickHouse holds the samples with the values Prometheus computes from the exporter at each instant', async () => {
    await eventually(async () => (await storedSamples()).length >= 3, 60_000);
    const rows = await storedSamples();
    for (const row of rows) {
      expect(row).toMatchObject({ vendor: 'VNPT', unit_code: VNPT_SYSTEM.unitCode, uptime_pct: 100 });
      expect(row.event_id).toMatch(/^prw-[0-9a-f]{40}$/);
    }
    const row = rows.at(-1)!;
    const at = row.observed_ms / 1000;
    const exporterValue = async (name: string) => {
      const expr = /record: (\S+)\n\s+expr: (.+)/g;
      for (const m of RULES.matchAll(expr)) if (m[1] === name) return promQuery(prometheus.url, m[2]!, at);
      throw new Error(`no rule ${name}`);
    };
    // Float32 columns: the same value to 5 significant digits.
    expect(row.ram_pct).toBeCloseTo((await exporterValue('kh02_memory_percent'))!, 3);
    expect(row.cpu_pct).toBeCloseTo((await exporterValue('kh02_cpu_percent'))!, 3);
    expect(row.net_in_bps).toBeCloseTo((await exporterValue('kh02_network_receive_bits_per_second'))!, 0);
    expect(row.net_out_bps).toBeCloseTo((await exporterValue('kh02_network_transmit_bits_per_second'))!, 0);
    const memTotal = await promQuery(prometheus.url, `node_memory_MemTotal_bytes{kh02_system_id="${SYSTEM}"}`, at);
    expect(memTotal).toBeGreaterThan(0);
  });

  it('the exporter’s other series are counted as unknown and never stored; no instant is stored twice', async () => {
    const metrics = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    const unknown = /kh02_ingest_push_series_values_total\{protocol="prometheus",outcome="unknown_metric"\} (\d+)/.exec(
      metrics,
    );
    expect(Number(unknown?.[1])).toBeGreaterThan(0);
    const rs = await store.client.query({
      query: `SELECT count() AS rows, uniqExact(event_id) AS ids, uniqExact(system_id) AS systems,
                     uniqExact(observed_at) AS instants FROM ${TEST_DB}.health_samples`,
      format: 'JSONEachRow',
    });
    const [all] = await rs.json<{ rows: number; ids: number; systems: number; instants: number }>();
    expect({ ...all, rows: Number(all?.rows) }).toEqual({
      rows: Number(all?.instants),
      ids: Number(all?.instants),
      systems: 1,
      instants: all?.instants,
    });
  });
});
