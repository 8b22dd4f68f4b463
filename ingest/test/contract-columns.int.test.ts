import type { ClickHouseClient } from '@clickhouse/client';
import {
  EVENT_SCHEMAS,
  STORABLE_INSTANT_RANGE,
  TELEMETRY_KINDS,
  validateBatch,
  type TelemetryBatchMessage,
  type TelemetryKind,
} from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ClickHouseBatchStore } from '../src/writer/batch-store.js';
import { rowsOf } from '../src/writer/rows.js';
import { counter, dailyReport, NOW, sample } from '@kh02/testkit';
import { openTestStore, TEST_DB } from '@kh02/testkit';

/*
 * "A value that passes validation must be storable": walks every field of
 * every ingest contract, builds events at each field's bounds (longest text in
 * 4-byte characters, smallest and largest numbers, earliest and latest
 * instants), keeps those the contract accepts, writes them through the
 * writer's own row mapping into the real tables, and reads each value back.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxItems?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
};

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

const registry = defaultRegistry();
const TABLES: Record<TelemetryKind, string> = {
  health_sample: 'health_samples',
  health_report: 'health_reports',
  counter_report: 'counter_reports',
  incident_report: 'incident_reports',
};

const incident = () => ({
  event_id: crypto.randomUUID(),
  vendor: 'VNPT',
  system_id: sample().system_id,
  unit_code: sample().unit_code,
  incident_id: 'INC-2026-0001',
  phase: 'detected' as const,
  at: new Date(NOW - 60_000).toISOString(),
  severity: 'serious' as const,
  title: 'Mất kết nối',
  message: 'Hệ thống một cửa không truy cập được',
  impact: 'Toàn tỉnh',
});

/** A valid event of each kind with every optional branch present, so every field is walked. */
const BASE: Record<TelemetryKind, () => Record<string, unknown>> = {
  health_sample: () =>
    sample({
      alerts: [
        { kind: 'security', severity: 'critical', message: 'x', code: 'A1', started_at: new Date(NOW).toISOString() },
      ],
    }),
  health_report: () =>
    dailyReport({ alerts: [{ kind: 'performance', severity: 'warning', message: 'x', code: 'P1' }] }),
  counter_report: () => counter({ top_procedures: [{ code: '2.000815', received: 10 }] }),
  incident_report: incident,
};

function leaves(schema: JsonSchema, path: (string | number)[] = []): Leaf[] {
  const s = schema.anyOf?.find((a) => a.type !== 'null') ?? schema;
  if (s.properties) return Object.entries(s.properties).flatMap(([k, v]) => leaves(v, [...path, k]));
  if (s.items) return leaves(s.items, [...path, 0]);
  return [{ path, schema: s }];
}

/** Text of exactly `n` UTF-16 units mixing Vietnamese letters and characters outside the BMP. */
function widestText(n: number): string {
  let out = '';
  while (out.length + 2 <= n) out += out.length % 3 === 0 ? '𝕍' : 'Ệ';
  return out.length < n ? `${out}ữ` : out;
}

/** Values at the edges of what the leaf's schema allows. */
function edges(s: JsonSchema): unknown[] {
  if (s.enum) return s.enum;
  if (s.format === 'date-time') {
    // JSON Schema gives instants no bounds: try the column's edges and far beyond them.
    return [
      '0001-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      new Date(STORABLE_INSTANT_RANGE.min).toISOString(),
      new Date(STORABLE_INSTANT_RANGE.max).toISOString(),
      '2300-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ];
  }
  if (s.type === 'string' && s.maxLength !== undefined && !s.pattern && !s.format) return [widestText(s.maxLength)];
  if (s.type === 'number' || s.type === 'integer') {
    return [s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum].filter((v) => v !== undefined);
  }
  return [];
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

function getAt(source: unknown, path: (string | number)[]): unknown {
  let node = source;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

function sameStored(sent: unknown, stored: unknown, s: JsonSchema): boolean {
  if (s.format === 'date-time') return Date.parse(String(sent)) === Date.parse(String(stored));
  if (typeof sent === 'number') {
    const got = Number(stored);
    return Math.abs(got - sent) <= 1e-6 * Math.max(1, Math.abs(sent));
  }
  return sent === stored;
}

let store: { client: ClickHouseClient; close: () => Promise<void> };
beforeAll(async () => {
  store = await openTestStore();
}, 60_000);
afterAll(async () => store.close());

async function columnsOf(table: string): Promise<Map<string, string>> {
  const rs = await store.client.query({
    query: `SELECT name, type FROM system.columns WHERE database = {db:String} AND table = {t:String}`,
    query_params: { db: TEST_DB, t: table },
    format: 'JSONEachRow',
  });
  return new Map((await rs.json<{ name: string; type: string }>()).map((c) => [c.name, c.type]));
}

describe.each(TELEMETRY_KINDS)('%s: every value the contract accepts is stored as sent', (kind) => {
  const schema = z.toJSONSchema(EVENT_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields = leaves(schema);

  it('has a column for every field of the contract', async () => {
    const columns = await columnsOf(TABLES[kind]);
    const missing = fields.map((f) => String(f.path[0])).filter((top) => !columns.has(top));
    expect(missing).toEqual([]);
  });

  it('stores each field at its bounds and reads the same value back', async () => {
    const cases: { leaf: Leaf; value: unknown; event: Record<string, unknown> }[] = [];
    for (const leaf of fields) {
      for (const value of edges(leaf.schema)) {
        const event = BASE[kind]();
        setAt(event, leaf.path, value);
        const v = validateBatch(kind, event, NOW);
        // Some edges are refused on purpose (an event time of 1900 is outside the time window): nothing to store.
        if (v.accepted.length === 1) cases.push({ leaf, value, event });
      }
    }
    // The walk must reach real edges, or it proves nothing.
    // (Counters have few: their counts must also add up, which most single-field edges break.)
    expect(cases.length).toBeGreaterThanOrEqual(kind === 'health_sample' || kind === 'health_report' ? 6 : 3);
    const message: TelemetryBatchMessage = {
      v: 1,
      kind,
      key_id: 'contract-walk',
      idempotency_key: `walk-${kind}`,
      received_at_ms: NOW,
      events: cases.map((c) => c.event) as TelemetryBatchMessage['events'],
    };
    const { table, rows } = rowsOf(message, 1, (code) => registry.provinceOf(code));
    await new ClickHouseBatchStore(store.client, TEST_DB).insert(table, rows, `walk-${kind}`);
    const rs = await store.client.query({
      query: `SELECT * FROM ${TEST_DB}.${table} WHERE key_id = 'contract-walk'`,
      format: 'JSONEachRow',
      clickhouse_settings: { date_time_output_format: 'iso', output_format_json_named_tuples_as_objects: 1 },
    });
    const stored = new Map((await rs.json<Record<string, unknown>>()).map((r) => [String(r.event_id), r]));
    const wrong = cases
      .map((c) => ({
        path: c.leaf.path.join('.'),
        sent: c.value,
        got: getAt(stored.get(String(c.event.event_id)), c.leaf.path),
      }))
      .filter((c, i) => !sameStored(c.sent, c.got, cases[i]?.leaf.schema ?? {}));
    expect(wrong).toEqual([]);
  });
});
