import { eventually, postAsVendor, provinceSystem, startTestSystem, type TestSystem } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let sut: TestSystem;
beforeAll(async () => {
  sut = await startTestSystem('metrics');
}, 60_000);
afterAll(async () => sut.close());

const scrape = async (base: string) => {
  const res = await fetch(`${base}/metrics`);
  return { type: res.headers.get('content-type') ?? '', text: await res.text() };
};

/** The number after a series line, e.g. `name{a="b"} 12`. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics of the product itself', () => {
  it('serves Prometheus text with HELP and TYPE on both ports, the process metrics included', async () => {
    for (const base of [sut.system.apiUrl, sut.system.ingestUrl]) {
      const { type, text } = await scrape(base);
      expect(type).toContain('text/plain');
      expect(text).toContain('# TYPE kh02_ingest_accept_seconds histogram');
      expect(text).toContain('# HELP kh02_status_evaluation_seconds');
      expect(text).toMatch(/^kh02_process_cpu_seconds_total \d/m);
      expect(text).toMatch(/^kh02_nodejs_eventloop_lag_p99_seconds \d/m);
    }
  });

  it('counts an accepted sample through accept, publish, the writer insert, evaluation and the live fan-out', async () => {
    const sys = provinceSystem('01');
    const status = await postAsVendor(sut.system, '/v1/health-samples', sys.vendorCode, {
      vendor: sys.vendorCode,
      system_id: sys.id,
      unit_code: '01',
      observed_at: new Date().toISOString(),
      uptime_pct: 20,
      cpu_pct: 99,
      ram_pct: 99,
      net_in_bps: 1,
      net_out_bps: 1,
    });
    expect(status).toBe(202);
    const text = await eventually(async () => {
      const t = (await scrape(sut.system.apiUrl)).text;
      return (value(t, 'kh02_writer_insert_seconds_count{stream="telemetry"}') ?? 0) >= 1 &&
        (value(t, 'kh02_live_fanout_delay_seconds_count{room="wall"}') ?? 0) >= 1
        ? t
        : undefined;
    }, 15_000);
    expect(value(text, 'kh02_ingest_accept_seconds_count{kind="health_sample",status="202"}')).toBe(1);
    expect(value(text, 'kh02_bus_publish_seconds_count{kind="health_sample"}')).toBe(1);
    expect(value(text, 'kh02_ingest_events_accepted_total{kind="health_sample"}')).toBe(1);
    expect(value(text, 'kh02_writer_batch_rows_sum{stream="telemetry"}')).toBe(1);
    expect(value(text, 'kh02_status_evaluation_seconds_count{scope="dirty"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^kh02_writer_lag_seconds\{stream="telemetry"\} \d/m);
  });
});
