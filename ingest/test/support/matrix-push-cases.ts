import { gzipSync } from 'node:zlib';
import { NOW, VIETTEL_SYSTEM } from '@kh02/testkit';
import type { IngestHarness, InjectResponse } from '@kh02/testkit';
import { snappyBlock } from '../../src/protocols/remote-write-encode.js';
import { ExportMetricsRequestType } from '../../src/protocols/wire-schemas.js';
import type { MatrixCase } from './matrix-cases.js';
import { healthSeries, remoteWriteBody } from './push-bodies.js';

const WRITE = '/v1/prometheus/write';
const OTLP = '/v1/otlp/metrics';
const AT = NOW - 60_000;

interface PushRequest {
  url?: string;
  token?: string;
  contentType?: string;
  encoding?: string | null;
  payload: Buffer | string;
}

export function push(h: IngestHarness, r: PushRequest): Promise<InjectResponse> {
  const token = r.token ?? h.tokens['vendor-vnpt'];
  return h.app.inject({
    method: 'POST',
    url: r.url ?? WRITE,
    headers: {
      'content-type': r.contentType ?? 'application/x-protobuf',
      ...(r.encoding === null ? {} : { 'content-encoding': r.encoding ?? 'snappy' }),
      ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
    },
    payload: r.payload,
  });
}

/** An OTLP request (protobuf) with one data point per metric-set gauge, under one resource naming `systemId`. */
export function otlpBody(systemId: string, values: Record<string, number>, timeMs = AT): Buffer {
  const nanos = `${BigInt(timeMs) * 1_000_000n}`;
  const message = ExportMetricsRequestType.fromObject({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'kh02.system_id', value: { stringValue: systemId } }] },
        scopeMetrics: [
          {
            metrics: Object.entries(values).map(([name, v]) => ({
              name,
              gauge: { dataPoints: [{ timeUnixNano: nanos, asDouble: v }] },
            })),
          },
        ],
      },
    ],
  });
  return Buffer.from(ExportMetricsRequestType.encode(message).finish());
}

const refused = (status: number, code: string, path: string, reason: string) => ({
  status,
  code,
  details: [{ path, reason }],
});

/** Broken and hostile pushes: each refused with its documented error, the bus untouched, nothing stored. */
export const PUSH_CASES: MatrixCase[] = [
  {
    name: 'remote-write: body not snappy-compressed',
    send: (h) => push(h, { payload: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]) }),
    ...refused(400, 'INVALID_PROTOBUF', '(body)', 'invalid_snappy'),
  },
  {
    name: 'remote-write: snappy around bytes that are not protobuf',
    send: (h) => push(h, { payload: snappyBlock(Buffer.from('garbage-bytes-here')) }),
    ...refused(400, 'INVALID_PROTOBUF', '(body)', 'invalid_protobuf'),
  },
  {
    name: 'remote-write: snappy bomb (17 MiB once expanded)',
    send: (h) => push(h, { payload: snappyBlock(new Uint8Array(17 * 1_048_576)) }),
    ...refused(413, 'PAYLOAD_TOO_LARGE', '(body)', 'decoded_too_large'),
  },
  {
    name: 'remote-write: body over 1 MiB',
    send: (h) => push(h, { payload: Buffer.alloc(1_048_577, 7) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'remote-write: wrong key',
    send: (h) =>
      push(h, {
        token: 'kh02_vendor-vnpt_wrongsecretwrongsecretwrongsecret12',
        payload: remoteWriteBody(healthSeries(AT)),
      }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'remote-write: no key',
    send: (h) => push(h, { token: '', payload: remoteWriteBody(healthSeries(AT)) }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'remote-write: JSON instead of protobuf',
    send: (h) => push(h, { contentType: 'application/json', encoding: null, payload: '{"timeseries":[]}' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'remote-write: protobuf without Content-Encoding: snappy',
    send: (h) => push(h, { encoding: null, payload: remoteWriteBody(healthSeries(AT)) }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'remote-write: CPU 150 % (the only sample)',
    send: (h) => push(h, { payload: remoteWriteBody(healthSeries(AT, { cpu: 150 })) }),
    ...refused(400, 'VALIDATION_FAILED', 'timeseries[1]', 'too_big'),
  },
  {
    name: 'remote-write: a system the registry does not know',
    send: (h) => push(h, { payload: remoteWriteBody(healthSeries(AT, {}, {}, 'p01.no-such-system')) }),
    ...refused(400, 'VALIDATION_FAILED', 'timeseries[0]', 'unknown_system'),
  },
  {
    name: 'remote-write: samples three days old',
    send: (h) => push(h, { payload: remoteWriteBody(healthSeries(NOW - 3 * 86_400_000)) }),
    ...refused(400, 'VALIDATION_FAILED', 'timeseries[0]', 'too_old'),
  },
  {
    name: 'remote-write: two different CPU series for one system and instant',
    send: (h) => {
      const series = healthSeries(AT);
      return push(h, {
        payload: remoteWriteBody([
          ...series,
          { ...series[1]!, labels: { ...series[1]!.labels, instance: 'b' }, samples: [{ value: 10, timestamp: AT }] },
        ]),
      });
    },
    ...refused(400, 'VALIDATION_FAILED', 'timeseries[6]', 'conflicting_series'),
  },
  {
    name: 'remote-write: a VNPT key reporting a Viettel system',
    send: (h) => push(h, { payload: remoteWriteBody(healthSeries(AT, {}, {}, VIETTEL_SYSTEM.id)) }),
    ...refused(403, 'FORBIDDEN_SCOPE', 'timeseries[0]', 'out_of_scope'),
  },
  {
    name: 'remote-write: a counter key pushing system metrics',
    send: (h) => push(h, { token: h.tokens['counter-p01'], payload: remoteWriteBody(healthSeries(AT)) }),
    ...refused(403, 'FORBIDDEN_SCOPE', 'timeseries[0]', 'out_of_scope'),
  },
  {
    name: 'OTLP: protobuf that does not decode',
    send: (h) => push(h, { url: OTLP, encoding: null, payload: Buffer.from('garbage-bytes-here') }),
    ...refused(400, 'INVALID_PROTOBUF', '(body)', 'invalid_protobuf'),
  },
  {
    name: 'OTLP: JSON with a repeated key',
    send: (h) =>
      push(h, {
        url: OTLP,
        contentType: 'application/json',
        encoding: null,
        payload: '{"resourceMetrics":[],"resourceMetrics":[]}',
      }),
    ...refused(400, 'INVALID_JSON', 'resourceMetrics', 'duplicate_key'),
  },
  {
    name: 'OTLP: JSON array instead of a request object',
    send: (h) => push(h, { url: OTLP, contentType: 'application/json', encoding: null, payload: '[]' }),
    ...refused(400, 'INVALID_PROTOBUF', '(body)', 'invalid_otlp_json'),
  },
  {
    name: 'OTLP: gzip header on a body that is not gzip',
    send: (h) => push(h, { url: OTLP, encoding: 'gzip', payload: otlpBody('p01.tthc', { 'kh02.cpu.percent': 1 }) }),
    ...refused(400, 'INVALID_PROTOBUF', '(body)', 'invalid_gzip'),
  },
  {
    name: 'OTLP: text/plain',
    send: (h) => push(h, { url: OTLP, contentType: 'text/plain', encoding: null, payload: 'cpu 1' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'OTLP: gzip bomb (17 MiB once expanded)',
    send: (h) => push(h, { url: OTLP, encoding: 'gzip', payload: gzipSync(Buffer.alloc(17 * 1_048_576)) }),
    ...refused(413, 'PAYLOAD_TOO_LARGE', '(body)', 'decoded_too_large'),
  },
];
