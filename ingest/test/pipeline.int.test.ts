import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { eventually } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../src/writer/rows.js';
import { ClickHouseBatchStore, type BatchStore } from '../src/writer/batch-store.js';
import { localJournaledBus, natsBus, type BusKind } from '@kh02/testkit';
import { counter, sample } from '@kh02/testkit';
import { startIngestHarness, type IngestHarness } from '@kh02/testkit';
import { countRows, openTestStore, TEST_DB } from '@kh02/testkit';
import { startWriter } from '@kh02/testkit';

let store: { client: ClickHouseClient; close: () => Promise<void> };
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store.close());

async function truncate(): Promise<void> {
  for (const t of ['health_samples', 'counter_reports', 'event_ids'])
    await store.client.command({ query: `TRUNCATE TABLE ${TEST_DB}.${t}` });
}

/** Posts every request, retrying some with the same Idempotency-Key as a client after a timeout would. */
async function postWithRetries(
  h: IngestHarness,
  requests: { path: string; body: unknown; token?: string }[],
): Promise<number> {
  let retried = 0;
  for (const [i, r] of requests.entries()) {
    const idem = randomUUID();
    const first = await h.post(r.path, r.body, { idem, token: r.token });
    expect(first.statusCode).toBe(202);
    if (i % 3 === 0) {
      const again = await h.post(r.path, r.body, { idem, token: r.token });
      expect(again.json()).toMatchObject({ duplicate: true });
      retried++;
    }
  }
  return retried;
}

function workload(tokens: Record<string, string>) {
  const samples = Array.from({ length: 300 }, () => sample());
  const counters = Array.from({ length: 120 }, () => counter());
  const requests: { path: string; body: unknown; token?: string }[] = [
    ...Array.from({ length: 6 }, (_, i) => ({
      path: '/v1/health-samples',
      body: { events: samples.slice(i * 50, i * 50 + 50) },
    })),
    ...counters.map((c) => ({ path: '/v1/counter-reports', body: c, token: tokens['counter-p01'] })),
  ];
  return { samples, counters, requests };
}

describe.each([localJournaledBus(), natsBus()])('ingest → bus → writer → ClickHouse on $label', (kind: BusKind) => {
  beforeAll(async () => kind.setup());
  afterAll(async () => kind.teardown());

  it('stores exactly N rows for N events despite retried requests and re-sent events', async () => {
    await truncate();
    const h = await startIngestHarness({ bus: kind.create() });
    const writer = startWriter(h.bus, store.client);
    await writer.start();
    const { requests } = workload(h.tokens);
    const retried = await postWithRetries(h, requests);
    expect(retried).toBeGreaterThan(30);
    await eventually(async () => (await countRows(store.client, 'health_samples')).rows === 300, 20_000);
    await eventually(async () => (await countRows(store.client, 'counter_reports')).rows === 120, 20_000);

    // A client that lost its keys re-sends 20 already-stored events under new Idempotency-Keys.
    const resend = requests.slice(6, 26);
    for (const r of resend) expect((await h.post(r.path, r.body, { token: r.token })).statusCode).toBe(202);
    await eventually(() => writer.stats.bufferedRows === 0 && writer.stats.messagesAcked >= 126 + 20, 20_000);

    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 300, distinct: 300 });
    expect(await countRows(store.client, 'counter_reports')).toEqual({ rows: 120, distinct: 120 });
    // The writer itself saw the 20 re-sent events and dropped them (merges are frozen, so the count above is raw).
    expect(writer.stats.duplicatesSkipped).toBe(20);
    expect(writer.stats.deadLettered).toBe(0);
    await writer.stop();
    await h.close();
  });

  it('stores an event once when it is re-sent with the same event_id but a re-stamped time', async () => {
    await truncate();
    const h = await startIngestHarness({ bus: kind.create() });
    const writer = startWriter(h.bus, store.client);
    await writer.start();
    const first = sample();
    const later = new Date(Date.parse(first.observed_at) + 60_000).toISOString();
    expect((await h.post('/v1/health-samples', first)).statusCode).toBe(202);
    await eventually(async () => (await countRows(store.client, 'health_samples')).rows === 1, 20_000);
    expect((await h.post('/v1/health-samples', { ...first, observed_at: later })).statusCode).toBe(202);
    await eventually(() => writer.stats.messagesAcked >= 2 && writer.stats.bufferedRows === 0, 20_000);
    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 1, distinct: 1 });
    expect(writer.stats.duplicatesSkipped).toBe(1);
    await writer.stop();
    await h.close();
  });

  it('loses nothing and duplicates nothing when the writer crashes after inserting but before acking', async () => {
    await truncate();
    const h = await startIngestHarness({ bus: kind.create() });
    const inserted: number[] = [];
    // The first writer inserts for real, then hangs forever before it can ack: a crash between the two steps.
    const real = new ClickHouseBatchStore(store.client, TEST_DB);
    const crashing: BatchStore = {
      existingEventIds: (t, rows) => real.existingEventIds(t, rows),
      insert: async (table: string, rows: Row[], token: string) => {
        await real.insert(table, rows, token);
        inserted.push(rows.length);
        await new Promise(() => undefined);
      },
    };
    const doomed = startWriter(h.bus, store.client, { store: crashing });
    await doomed.start();
    const events = Array.from({ length: 200 }, () => sample());
    for (let i = 0; i < 4; i++) {
      expect((await h.post('/v1/health-samples', { events: events.slice(i * 50, i * 50 + 50) })).statusCode).toBe(202);
    }
    await eventually(() => inserted.length > 0, 10_000);
    const beforeCrash = (await countRows(store.client, 'health_samples')).rows;
    expect(beforeCrash).toBeGreaterThan(0);

    // Crash: the process holding the writer and its bus connection disappears without acking.
    await h.close();
    const h2 = await startIngestHarness({ bus: kind.create() });
    const survivor = startWriter(h2.bus, store.client);
    await survivor.start();
    await eventually(async () => (await countRows(store.client, 'health_samples')).rows >= 200, 20_000);
    await eventually(() => survivor.stats.bufferedRows === 0 && survivor.stats.messagesAcked >= 4, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 200, distinct: 200 });
    expect(survivor.stats.duplicatesSkipped).toBe(beforeCrash);
    await survivor.stop();
    await h2.close();
  });
});
