import { MetricPushAcceptedSchema } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { NOW, startIngestHarness, VIETTEL_SYSTEM, type IngestHarness } from '@kh02/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS_PLAIN_OBJECT, ExportMetricsResponseType } from '../src/protocols/wire-schemas.js';
import { MATRIX_KEY_RECORDS, MATRIX_KEYS } from './support/matrix-keys.js';
import { otlpBody, push } from './support/matrix-push-cases.js';
import { healthSeries, remoteWriteBody } from './support/push-bodies.js';

const AT = NOW - 60_000;
const OTHER_VNPT = defaultRegistry()
  .systemsOfVendor('VNPT')
  .find((s) => s.id !== 'p01.tthc')!.id;
const OTLP = '/v1/otlp/metrics';
const GAUGES = {
  'kh02.uptime.percent': 99.9,
  'kh02.cpu.percent': 40,
  'kh02.memory.percent': 50,
  'kh02.network.receive.bits_per_second': 1e6,
  'kh02.network.transmit.bits_per_second': 2e6,
};

let h: IngestHarness;
beforeEach(async () => {
  h = await startIngestHarness({ extraKeys: MATRIX_KEY_RECORDS });
});
afterEach(async () => h.close());

describe('Prometheus remote-write', () => {
  it('answers 200 once the samples are on the bus, with what was used and what was ignored', async () => {
    const body = remoteWriteBody([...healthSeries(AT), { name: 'node_load1', samples: [{ value: 1, timestamp: AT }] }]);
    const res = await push(h, { payload: body });
    expect(res.statusCode).toBe(200);
    expect(MetricPushAcceptedSchema.parse(res.json())).toMatchObject({
      status: 'accepted',
      accepted: 1,
      rejected: 0,
      duplicate: false,
      series: { values: 7, used: 6, ignored: { unknown_metric: 1 } },
    });
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('a retry of the same body is answered as a duplicate with the first bus sequence; nothing new is published', async () => {
    const body = remoteWriteBody(healthSeries(AT));
    const first = (await push(h, { payload: body })).json<{ bus_seq: number }>();
    const again = await push(h, { payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, bus_seq: first.bus_seq });
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('one good system and one refused: 200 partial, the good sample published, the refusal listed with its series', async () => {
    const res = await push(h, {
      payload: remoteWriteBody([
        ...healthSeries(AT),
        ...healthSeries(AT, { ram: 101 }, { job: 'b' }, 'p01.no-such-system'),
      ]),
    });
    expect(res.statusCode).toBe(200);
    const body = MetricPushAcceptedSchema.parse(res.json());
    expect(body).toMatchObject({ status: 'partial', accepted: 1, rejected: 1 });
    expect(body.errors?.[0]).toMatchObject({ path: 'timeseries[6]', reason: 'unknown_system' });
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('a push of only unknown series, or of metadata only, is 200 with nothing to store and publishes nothing', async () => {
    for (const payload of [
      remoteWriteBody([{ name: 'node_load1', samples: [{ value: 1, timestamp: AT }] }]),
      remoteWriteBody([]),
    ]) {
      const res = await push(h, { payload });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'nothing_to_store', accepted: 0, bus_seq: null });
    }
    expect(await h.telemetryMessages()).toBe(0);
  });

  it('over the key’s rate: 429 with Retry-After (Prometheus retries it with retry_on_http_429)', async () => {
    const payload = remoteWriteBody(healthSeries(AT));
    for (let i = 0; i < 3; i++) await push(h, { token: MATRIX_KEYS.flood.token, payload });
    const res = await push(h, { token: MATRIX_KEYS.flood.token, payload });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('bus down: 503 BUS_UNAVAILABLE with Retry-After on both push routes (Prometheus and OTel exporters retry 5xx)', async () => {
    await h.bus.close();
    for (const res of [
      await push(h, { payload: remoteWriteBody(healthSeries(AT)) }),
      await push(h, { url: OTLP, encoding: null, payload: otlpBody('p01.tthc', GAUGES) }),
    ]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'BUS_UNAVAILABLE' } });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });

  it('the JSON routes still refuse protobuf with 415', async () => {
    const res = await h.post('/v1/health-samples', null, {
      contentType: 'application/x-protobuf',
      raw: remoteWriteBody([]),
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('OTLP/HTTP metrics', () => {
  it('protobuf: 200 with an ExportMetricsServiceResponse without partial success', async () => {
    const res = await push(h, { url: OTLP, encoding: null, payload: otlpBody('p01.tthc', GAUGES) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-protobuf');
    expect(
      ExportMetricsResponseType.toObject(ExportMetricsResponseType.decode(res.rawPayload), AS_PLAIN_OBJECT),
    ).toEqual({});
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('JSON (lowerCamelCase, 64-bit integers as strings): a refused point is reported as partial success', async () => {
    const nanos = `${BigInt(AT) * 1_000_000n}`;
    const gauge = (name: string, value: number) => ({
      name,
      gauge: { dataPoints: [{ timeUnixNano: nanos, asDouble: value }] },
    });
    const resource = (system: string, cpu: number) => ({
      resource: { attributes: [{ key: 'kh02.system_id', value: { stringValue: system } }] },
      scopeMetrics: [
        { metrics: [...Object.entries({ ...GAUGES, 'kh02.cpu.percent': cpu }).map(([n, v]) => gauge(n, v))] },
      ],
    });
    const res = await push(h, {
      url: OTLP,
      contentType: 'application/json',
      encoding: null,
      payload: JSON.stringify({ resourceMetrics: [resource('p01.tthc', 40), resource(OTHER_VNPT, 140)] }),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ partialSuccess?: { rejectedDataPoints?: string; errorMessage?: string } }>();
    expect(body.partialSuccess?.rejectedDataPoints).toBe('1');
    expect(body.partialSuccess?.errorMessage).toContain('resourceMetrics[1].scopeMetrics[0].metrics[1].dataPoints[0]');
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('a VNPT key naming a Viettel system is refused as a whole (403)', async () => {
    const res = await push(h, { url: OTLP, encoding: null, payload: otlpBody(VIETTEL_SYSTEM.id, GAUGES) });
    expect(res.statusCode).toBe(403);
    expect(await h.telemetryMessages()).toBe(0);
  });
});
