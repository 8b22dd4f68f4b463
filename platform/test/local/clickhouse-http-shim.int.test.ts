import { ClickHouseError, ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/clickhouse/migrate.js';
import { openClickHouse } from '../../src/clickhouse/client.js';
import { startClickHouseShim, type ClickHouseShim } from '../../src/local/clickhouse-http-shim.js';
import { makeTempDir } from '../../src/local/temp-dir.js';

let dir: { path: string; remove: () => Promise<void> };
let shim: ClickHouseShim;
let client: ClickHouseClient;

beforeAll(async () => {
  dir = await makeTempDir('ch-shim');
  shim = await startClickHouseShim({ dataPath: dir.path, sessions: 3 });
  // The product's own client factory, over the real HTTP transport.
  client = (await openClickHouse({ url: shim.url, embeddedPath: '' })).client;
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS shim' });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS shim.t (id String, n UInt32) ENGINE = MergeTree ORDER BY id
            SETTINGS non_replicated_deduplication_window = 100`,
  });
});
afterAll(async () => {
  await client.close();
  await shim.close();
  await dir.remove();
});

async function rows<T>(c: ClickHouseClient, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rs = await c.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

describe('ClickHouse HTTP shim over chDB', () => {
  it('answers ping, both the /ping endpoint and the SELECT form', async () => {
    expect((await client.ping()).success).toBe(true);
    expect((await client.ping({ select: true })).success).toBe(true);
  });

  it('inserts and reads back JSONEachRow with an X-ClickHouse-Summary', async () => {
    const res = await client.insert({
      table: 'shim.t',
      values: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      format: 'JSONEachRow',
    });
    expect(res.summary?.written_rows).toBe('2');
    expect(await rows(client, "SELECT id, n FROM shim.t WHERE id IN ('a', 'b') ORDER BY id")).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
  });

  it('binds query parameters exactly, including quotes, backslashes, tabs, arrays and NULL', async () => {
    const tricky = "it's a \\ back\tslash\nline";
    const [r] = await rows<{ s: string; a: string[]; m: Record<string, string>; z: string | null }>(
      client,
      'SELECT {s:String} AS s, {a:Array(String)} AS a, {m:Map(String, String)} AS m, {z:Nullable(String)} AS z',
      { s: tricky, a: ["o'clock", 'c:\\dir', 'tab\there'], m: { "k'1": "v'1" }, z: null },
    );
    expect(r).toEqual({ s: tricky, a: ["o'clock", 'c:\\dir', 'tab\there'], m: { "k'1": "v'1" }, z: null });
  });

  it('returns typed errors: HTTP 500 with the exception code', async () => {
    // A client of its own with logging off: the expected failure is not noise in the test output.
    const quiet = createClient({ url: shim.url, log: { level: ClickHouseLogLevel.OFF } });
    const err = await quiet.query({ query: 'SELECT * FROM shim.nope', format: 'JSONEachRow' }).catch((e: unknown) => e);
    await quiet.close();
    expect(err).toBeInstanceOf(ClickHouseError);
    expect(err).toMatchObject({ code: '60', type: 'UNKNOWN_TABLE' });
    const res = await fetch(`${shim.url}/?query=${encodeURIComponent('SELEKT 1')}`, { method: 'POST' });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-clickhouse-exception-code')).toBe('62');
  });

  it('applies settings to one request only, even under concurrency', async () => {
    const read = (c: ClickHouseClient, settings: Record<string, number>) =>
      c
        .query({
          query: "SELECT getSetting('max_threads') AS v",
          format: 'JSONEachRow',
          clickhouse_settings: settings,
        })
        .then((rs) => rs.json<{ v: string | number }>())
        .then((r) => String(r[0]?.v));
    const baseline = await read(client, {});
    const values = await Promise.all(Array.from({ length: 12 }, (_, i) => read(client, { max_threads: i + 1 })));
    expect(values).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(await read(client, {})).toBe(baseline);
  });

  it('deduplicates a repeated insert token, and the token does not leak into the next insert', async () => {
    const insert = (id: string, token?: string) =>
      client.insert({
        table: 'shim.t',
        values: [{ id, n: 7 }],
        format: 'JSONEachRow',
        ...(token ? { clickhouse_settings: { insert_deduplication_token: token } } : {}),
      });
    await insert('tok', 'same-token');
    await insert('tok', 'same-token');
    // Without a token of its own: if the previous one leaked, this row would be dropped as a duplicate.
    await insert('tok', undefined);
    const [r] = await rows<{ c: number }>(client, "SELECT count() AS c FROM shim.t WHERE id = 'tok'");
    expect(r?.c).toBe(2);
  });

  it('takes query parameters as multipart fields, for lists too long for a URL', async () => {
    const multipart = createClient({ url: shim.url, use_multipart_params: true });
    const ids = Array.from({ length: 30_000 }, (_, i) => `id-${'x'.repeat(50)}-${i}`);
    const [r] = await rows<{ n: number }>(multipart, 'SELECT length({ids:Array(String)}) AS n', { ids });
    await multipart.close();
    expect(r?.n).toBe(30_000);
  });

  it('uses the database parameter for one request only', async () => {
    const scoped = createClient({ url: shim.url, database: 'shim' });
    const [inShim] = await rows<{ db: string; c: number }>(
      scoped,
      'SELECT currentDatabase() AS db, count() AS c FROM t',
    );
    await scoped.close();
    expect(inShim?.db).toBe('shim');
    const [plain] = await rows<{ db: string }>(client, 'SELECT currentDatabase() AS db');
    expect(plain?.db).toBe('default');
  });

  it('accepts gzip request bodies and compresses responses when asked', async () => {
    const gz = createClient({ url: shim.url, compression: { request: true, response: true } });
    await gz.insert({ table: 'shim.t', values: [{ id: 'gz', n: 9 }], format: 'JSONEachRow' });
    expect(await rows(gz, "SELECT n FROM shim.t WHERE id = 'gz'")).toEqual([{ n: 9 }]);
    await gz.close();
  });

  it("runs the product's migrations over HTTP", async () => {
    const result = await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
    expect(result.applied.length).toBeGreaterThan(3);
    const again = await migrate(client, 'kh02', CLICKHOUSE_MIGRATIONS_DIR);
    expect(again.applied).toEqual([]);
  });
});
