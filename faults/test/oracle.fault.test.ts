import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS_DIR } from '@kh02/schemas/clickhouse-migrations';
import { migrate } from '@kh02/platform';
import { makeTempDir, startClickHouseShim, type ClickHouseShim } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckLog } from '../src/load/ack-log.js';
import { checkOracle } from '../src/oracle/oracle.js';
import { freezeMerges, PRODUCT_DB } from '../src/oracle/tables.js';

let dir: { path: string; remove: () => Promise<void> };
let shim: ClickHouseShim;
let store: ClickHouseClient;
let n = 0;

beforeAll(async () => {
  dir = await makeTempDir('oracle');
  shim = await startClickHouseShim({ dataPath: `${dir.path}/chdb` });
  store = createClient({ url: shim.url, log: { level: ClickHouseLogLevel.OFF } });
  await migrate(store, PRODUCT_DB, CLICKHOUSE_MIGRATIONS_DIR);
  await freezeMerges(store);
});
afterAll(async () => {
  await store.close();
  await shim.close();
  await dir.remove();
});

const row = (id: string, busSeq = 1) => ({
  event_id: id,
  vendor: 'VNPT',
  system_id: 'p01.tthc',
  unit_code: '01',
  observed_at: '2026-11-23T09:00:00Z',
  uptime_pct: 99,
  cpu_pct: 10,
  ram_pct: 10,
  net_in_bps: 1,
  net_out_bps: 1,
  response_ms: null,
  alerts: [],
  key_id: 'vendor-vnpt',
  received_at: '2026-11-23T09:00:01Z',
  bus_seq: busSeq,
});

/** A ledger that acknowledged `ids` (as if each came back 202). */
function ledger(ids: string[]): AckLog {
  const log = new AckLog('/dev/null');
  const record = log.begin({
    idempotencyKey: `k${n++}`,
    path: '',
    token: '',
    body: '',
    table: 'health_samples',
    eventIds: ids,
  });
  log.attempt(record, {
    sentAt: 0,
    endedAt: 0,
    outcome: 202,
    retryAfter: undefined,
    errorCode: undefined,
    duplicate: false,
  });
  return log;
}

async function insert(ids: string[], busSeq = 1): Promise<void> {
  const values = ids.map((id) => row(id, busSeq));
  await store.insert({ table: `${PRODUCT_DB}.health_samples`, values, format: 'JSONEachRow' });
}

describe('the oracle has teeth', () => {
  it('passes when every acknowledged event is stored once', async () => {
    await insert(['ok-1', 'ok-2']);
    expect((await checkOracle(store, ledger(['ok-1', 'ok-2']), 'ok')).ok).toBe(true);
  });

  it('fails on a lost acknowledged event', async () => {
    await insert(['lost-1']);
    const verdict = await checkOracle(store, ledger(['lost-1', 'lost-2']), 'lost');
    expect(verdict.ok).toBe(false);
    expect(verdict.tables[0]).toMatchObject({ missingCount: 1, missing: ['lost-2'] });
  });

  it('fails on a duplicate, even after the store had time to merge parts', async () => {
    // A re-insert in another batch (another block, so not dropped as a repeated insert): a real duplicate.
    await insert(['dup-1'], 1);
    await insert(['dup-1'], 2);
    await new Promise((r) => setTimeout(r, 6_000));
    const verdict = await checkOracle(store, ledger(['dup-1']), 'dup');
    expect(verdict.ok).toBe(false);
    expect(verdict.tables[0]).toMatchObject({ stored: 2, distinct: 1, duplicates: 1 });
  });

  it('fails on a stored event this run never sent', async () => {
    await insert(['foreign-1', 'foreign-2']);
    const verdict = await checkOracle(store, ledger(['foreign-1']), 'foreign');
    expect(verdict.ok).toBe(false);
    expect(verdict.tables[0]).toMatchObject({ foreign: 1 });
  });
});
