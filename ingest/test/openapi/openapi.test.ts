import { EVENT_SCHEMAS, INGEST_ROUTES, PUSH_ROUTES, TELEMETRY_KINDS, type TelemetryKind } from '@kh02/schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, dailyReport, NOW, sample } from '@kh02/testkit';
import { healthSeries, remoteWriteBody } from '../support/push-bodies.js';
import { startIngestHarness, type IngestHarness } from '@kh02/testkit';
import { PUBLISHED_SCHEMA_NAMES, schemaNameOfKind } from '../../src/openapi/json-schemas.js';

let h: IngestHarness;
beforeAll(async () => {
  h = await startIngestHarness();
});
afterAll(async () => h.close());

type Json = Record<string, unknown>;

async function getJson(url: string): Promise<{ status: number; type: string; body: Json }> {
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json<Json>() };
}

/** Every `$ref` in a document, with the path it appears at. */
function refsOf(node: unknown, path = '#'): Array<[string, string]> {
  if (Array.isArray(node)) return node.flatMap((v, i) => refsOf(v, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [[path, v] as [string, string]] : refsOf(v, `${path}/${k}`),
  );
}

function resolvePointer(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

const valid: Record<string, () => Json> = {
  health_sample: () => ({ ...sample({ alerts: [{ kind: 'security', severity: 'critical', message: 'Cảnh báo' }] }) }),
  health_report: () => ({ ...dailyReport() }),
  counter_report: () => ({ ...counter({ top_procedures: [{ code: '2.000815', received: 12 }] }) }),
  incident_report: () => ({
    event_id: 'inc-evt-00000001',
    vendor: 'VNPT',
    system_id: 'p01.tthc',
    unit_code: '01',
    incident_id: 'INC-1',
    phase: 'detected',
    at: '2026-11-23T08:55:00Z',
    severity: 'serious',
    title: 'Mất kết nối',
    message: 'Hệ thống ngừng hoạt động',
  }),
};

/** Breakages JSON Schema must catch, exactly like zod does. */
const MUTATIONS: Array<[string, (e: Json) => Json]> = [
  ['missing event_id', ({ event_id: _drop, ...rest }) => rest],
  ['unknown field', (e) => ({ ...e, surprise: 1 })],
  ['event_id too short', (e) => ({ ...e, event_id: 'abc' })],
  ['event_id wrong type', (e) => ({ ...e, event_id: 42 })],
  ['bad unit code', (e) => ({ ...e, unit_code: 'hà nội' })],
];

describe('published contracts', () => {
  it('serves an OpenAPI 3.1 document covering every ingest route, with every $ref resolvable', async () => {
    const { status, body } = await getJson('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, Json>;
    for (const kind of TELEMETRY_KINDS) expect(paths[INGEST_ROUTES[kind]]?.post).toBeDefined();
    const refs = refsOf(body);
    expect(refs.length).toBeGreaterThan(10);
    for (const [at, ref] of refs) expect(resolvePointer(body, ref), `${ref} at ${at}`).toBeDefined();
    const ids = Object.values(paths).flatMap((p) => Object.values(p).map((op) => (op as Json).operationId));
    expect(new Set(ids.filter(Boolean)).size).toBe(ids.filter(Boolean).length);
  });

  it('lists and serves each JSON Schema without an API key', async () => {
    const list = await getJson('/v1/schemas');
    const names = (list.body.schemas as Array<{ name: string; url: string }>).map((s) => s.name);
    expect(names).toEqual([...PUBLISHED_SCHEMA_NAMES]);
    for (const kind of TELEMETRY_KINDS) expect(names).toContain(schemaNameOfKind(kind));
    for (const name of names) {
      const doc = await getJson(`/v1/schemas/${name}.json`);
      expect(doc.status).toBe(200);
      expect(doc.type).toBe('application/schema+json; charset=utf-8');
      expect(doc.body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(doc.body.$id).toBe(`urn:kh02:ingest:v1:${name}`);
    }
    expect((await getJson('/v1/schemas/nope.json')).status).toBe(404);
    expect((await getJson('/v1/schemas/health-sample')).status).toBe(404);
  });

  it('describes the push endpoints, and a real remote-write answer matches the published metric-push-accepted schema', async () => {
    const { body } = await getJson('/openapi.json');
    const paths = body.paths as Record<string, { post?: { responses?: Record<string, unknown> } }>;
    for (const route of Object.values(PUSH_ROUTES)) {
      expect(Object.keys(paths[route]?.post?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '413', '415', '429', '503']),
      );
    }
    const { body: schema } = await getJson('/v1/schemas/metric-push-accepted.json');
    const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(schema);
    const res = await h.app.inject({
      method: 'POST',
      url: PUSH_ROUTES.prometheus,
      headers: {
        'content-type': 'application/x-protobuf',
        'content-encoding': 'snappy',
        authorization: `Bearer ${h.tokens['vendor-vnpt']}`,
      },
      payload: remoteWriteBody(healthSeries(NOW - 60_000, { cpu: 150 }).concat(healthSeries(NOW - 30_000))),
    });
    expect(res.statusCode).toBe(200);
    expect(validate(res.json()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('still refuses writes without a key', async () => {
    const res = await h.post(INGEST_ROUTES.health_sample, sample(), { token: '' });
    expect(res.statusCode).toBe(401);
  });

  it.each(TELEMETRY_KINDS.filter((k) => k in valid))(
    'the %s JSON Schema accepts what the server accepts and rejects the same broken payloads',
    async (kind: TelemetryKind) => {
      const { body: schema } = await getJson(`/v1/schemas/${schemaNameOfKind(kind)}.json`);
      const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
      const validate = ajv.compile(schema);
      const good = valid[kind]!();
      expect(EVENT_SCHEMAS[kind].safeParse(good).success).toBe(true);
      expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
      for (const [label, mutate] of MUTATIONS) {
        const bad = mutate(good);
        expect(EVENT_SCHEMAS[kind].safeParse(bad).success, label).toBe(false);
        expect(validate(bad), label).toBe(false);
      }
    },
  );
});
