import type { ClickHouseClient } from '@clickhouse/client';
import { STREAMS, SUBJECTS, type TelemetryBatchMessage, type WorkflowEvent } from '@kh02/schemas';
import { LocalBus, WRITER_WORKFLOW_CONSUMER, type BusMessage } from '@kh02/platform';
import { eventually } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseBatchStore, type BatchStore } from '../src/writer/batch-store.js';
import { BusWriter } from '../src/writer/bus-writer.js';
import { decodeWorkflow } from '../src/writer/workflow-rows.js';
import { registerWriterMetrics } from '@kh02/ingest';
import { createMetricsRegistry, exposition } from '@kh02/platform';
import { silentLogger } from '@kh02/testkit';
import { sample } from '@kh02/testkit';
import { countRows, openTestStore, TEST_DB } from '@kh02/testkit';
import { startWriter, TEST_TOPOLOGY } from '@kh02/testkit';

let store: { client: ClickHouseClient; close: () => Promise<void> };
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store.close());

const message = (events: unknown[], key: string): Uint8Array =>
  Buffer.from(
    JSON.stringify({
      v: 1,
      kind: 'health_sample',
      key_id: 'test',
      idempotency_key: key,
      received_at_ms: Date.now(),
      events,
    } satisfies Omit<TelemetryBatchMessage, 'events'> & { events: unknown[] }),
  );

describe('writer poison handling', () => {
  it('dead-letters unreadable and ClickHouse-rejected messages, counts them, and still writes the healthy ones', async () => {
    const bus = new LocalBus(TEST_TOPOLOGY);
    await bus.start();
    const writer = startWriter(bus, store.client);
    await writer.start();
    const good = [sample(), sample(), sample()];
    await bus.publish(SUBJECTS.telemetry('health_sample'), message([good[0]], 'k-good-1'), { msgId: 'k-good-1' });
    await bus.publish(SUBJECTS.telemetry('health_sample'), Buffer.from('{not json'), { msgId: 'k-garbage' });
    // Passes the envelope check but ClickHouse cannot parse the time: found by bisection.
    await bus.publish(
      SUBJECTS.telemetry('health_sample'),
      message([sample({ observed_at: 'not-a-time' })], 'k-bad-time'),
      { msgId: 'k-bad-time' },
    );
    await bus.publish(SUBJECTS.telemetry('health_sample'), message([good[1], good[2]], 'k-good-2'), {
      msgId: 'k-good-2',
    });

    await eventually(
      () => writer.stats.messagesAcked + writer.stats.deadLettered >= 4 && writer.stats.bufferedRows === 0,
      15_000,
    );
    expect(writer.stats.deadLettered).toBe(2);
    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 3, distinct: 3 });
    const dlq = await bus.streamState(STREAMS.deadLetter);
    expect(dlq.messages).toBe(2);
    // Nothing is left unacknowledged in the telemetry stream.
    await eventually(
      async () => (await bus.streamState(STREAMS.telemetry)).consumers['writer-telemetry']?.ackPending === 0,
    );
    await writer.stop();
    await bus.close();
  });
});

/** A health-sample message whose first alert text is raw JSON (e.g. the escape \ud800, which ClickHouse refuses). */
const rawAlertMessage = (key: string, rawText: string): Uint8Array => {
  const event = sample({ alerts: [{ kind: 'security', severity: 'critical', message: 'MARK' }] });
  return Buffer.from(new TextDecoder().decode(message([event], key)).replace('"MARK"', `"${rawText}"`));
};

const deadLetters = async (bus: LocalBus): Promise<BusMessage[]> => {
  const got: BusMessage[] = [];
  const sub = await bus.consume(
    {
      stream: STREAMS.deadLetter,
      name: `dlq-${Math.random()}`,
      durable: false,
      ackWaitMs: 5_000,
      maxAckPending: 100,
      deliverPolicy: 'all',
    },
    (m) => {
      got.push(m);
      m.ack();
    },
  );
  await eventually(async () => got.length >= (await bus.streamState(STREAMS.deadLetter)).messages, 5_000);
  await sub.stop();
  return got;
};

describe('a message the store refuses never blocks the stream', () => {
  it('stores every healthy message around a lone-surrogate text (ClickHouse error 25) and dead-letters only that one', async () => {
    await store.client.command({ query: `TRUNCATE TABLE ${TEST_DB}.health_samples` });
    const bus = new LocalBus(TEST_TOPOLOGY);
    await bus.start();
    const writer = startWriter(bus, store.client, { flushIntervalMs: 300 });
    await writer.start();
    const subject = SUBJECTS.telemetry('health_sample');
    for (let i = 0; i < 40; i++) {
      if (i === 17) await bus.publish(subject, rawAlertMessage('k-poison', 'bad \\ud800 text'), { msgId: 'k-poison' });
      await bus.publish(subject, message([sample()], `k-ok-${i}`), { msgId: `k-ok-${i}` });
    }
    await eventually(() => writer.stats.messagesAcked >= 41 && writer.stats.bufferedRows === 0, 20_000);
    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 40, distinct: 40 });
    expect(writer.stats.deadLettered).toBe(1);
    const [dead] = await deadLetters(bus);
    expect(dead?.headers['KH02-Reason']).toBe('rejected_by_clickhouse');
    expect(dead?.headers['KH02-Detail']).toMatch(/escape|surrogate|25/i);
    // Later messages keep flowing.
    await bus.publish(subject, message([sample()], 'k-after'), { msgId: 'k-after' });
    await eventually(async () => (await countRows(store.client, 'health_samples')).rows === 41, 10_000);
    expect(writer.isHealthy()).toBe(true);
    await writer.stop();
    await bus.close();
  });

  it('dead-letters a message that fails with an error code it does not know, after a few tries, and stores the rest', async () => {
    await store.client.command({ query: `TRUNCATE TABLE ${TEST_DB}.health_samples` });
    const bus = new LocalBus(TEST_TOPOLOGY);
    await bus.start();
    const real = new ClickHouseBatchStore(store.client, TEST_DB);
    let refusals = 0;
    // The real store, except that any batch holding the cursed event is refused with an unlisted code.
    const picky: BatchStore = {
      existingEventIds: (t, rows) => real.existingEventIds(t, rows),
      insert: async (table, rows, token) => {
        if (rows.some((r) => String(r.event_id).startsWith('cursed-'))) {
          refusals++;
          throw Object.assign(new Error('Code: 8888. DB::Exception: something new'), { code: '8888' });
        }
        await real.insert(table, rows, token);
      },
    };
    const writer = startWriter(bus, store.client, { store: picky, flushIntervalMs: 300 });
    await writer.start();
    const subject = SUBJECTS.telemetry('health_sample');
    for (let i = 0; i < 10; i++) await bus.publish(subject, message([sample()], `u-ok-${i}`), { msgId: `u-ok-${i}` });
    await bus.publish(subject, message([sample({ event_id: 'cursed-0001' })], 'u-bad'), { msgId: 'u-bad' });
    await eventually(() => writer.stats.messagesAcked >= 11 && writer.stats.bufferedRows === 0, 20_000);
    expect(await countRows(store.client, 'health_samples')).toEqual({ rows: 10, distinct: 10 });
    expect(writer.stats.deadLettered).toBe(1);
    expect(refusals).toBeGreaterThanOrEqual(3);
    await writer.stop();
    await bus.close();
  });

  it('the workflow (audit) writer dead-letters an event ClickHouse refuses (an unreadable time) and stores the others', async () => {
    const bus = new LocalBus(TEST_TOPOLOGY);
    await bus.start();
    const consumer = TEST_TOPOLOGY.durableConsumers.find((c) => c.name === WRITER_WORKFLOW_CONSUMER);
    if (!consumer) throw new Error('no workflow consumer');
    const writer = new BusWriter({
      bus,
      store: new ClickHouseBatchStore(store.client, TEST_DB),
      consumer,
      logger: silentLogger,
      decode: decodeWorkflow,
      origin: 'workflow',
      exactDedup: false,
      maxBatchRows: 1_000,
      flushIntervalMs: 200,
      highWaterRows: 10_000,
    });
    await writer.start();
    const event = (id: string, name: string): WorkflowEvent => ({
      v: 1,
      event_id: id,
      entity: 'config',
      entity_id: `poison-test-${id}`,
      type: 'loaded',
      at: new Date().toISOString(),
      actor: { id: 'system', role: 'system', name },
      unit_code: '',
      issue_type: 0,
      priority: '',
      before: null,
      after: null,
      data: {},
    });
    const publish = (id: string, json: string) =>
      bus.publish(SUBJECTS.config(`poison-test-${id}`), Buffer.from(json), { msgId: id });
    await publish('w1', JSON.stringify(event('w1', 'ok')));
    await publish('w2', JSON.stringify({ ...event('w2', 'ok'), at: 'yesterday-ish' }));
    await publish('w3', JSON.stringify(event('w3', 'ok')));
    await eventually(() => writer.stats.messagesAcked >= 3 && writer.stats.bufferedRows === 0, 20_000);
    expect(writer.stats.deadLettered).toBe(1);
    const rs = await store.client.query({
      query: `SELECT event_id FROM ${TEST_DB}.audit_log WHERE startsWith(entity_id, 'poison-test-') ORDER BY event_id`,
      format: 'JSONEachRow',
    });
    expect((await rs.json<{ event_id: string }>()).map((r) => r.event_id)).toEqual(['w1', 'w3']);
    await writer.stop();
    await bus.close();
  });
});

describe('a writer that cannot store says so', () => {
  it('is stalled (not ready, and so on /metrics) when messages wait and nothing is stored, and recovers', async () => {
    const bus = new LocalBus(TEST_TOPOLOGY);
    await bus.start();
    const real = new ClickHouseBatchStore(store.client, TEST_DB);
    let down = true;
    const flaky: BatchStore = {
      existingEventIds: (t, rows) => real.existingEventIds(t, rows),
      insert: async (table, rows, token) => {
        if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' });
        await real.insert(table, rows, token);
      },
    };
    const writer = startWriter(bus, store.client, { store: flaky, flushIntervalMs: 100, stallAfterMs: 1_000 });
    await writer.start();
    expect(writer.isHealthy()).toBe(true);
    await bus.publish(SUBJECTS.telemetry('health_sample'), message([sample()], 's-1'), { msgId: 's-1' });
    await eventually(() => writer.isStalled(), 10_000);
    expect(writer.isHealthy()).toBe(false);
    const metrics = createMetricsRegistry();
    registerWriterMetrics(metrics, [writer]);
    const scrape = async () => (await exposition(metrics)).body;
    expect(await scrape()).toContain('kh02_writer_stalled{stream="telemetry"} 1');
    down = false;
    await eventually(() => writer.stats.messagesAcked === 1, 15_000);
    expect(writer.isStalled()).toBe(false);
    expect(writer.isHealthy()).toBe(true);
    expect(await scrape()).toContain('kh02_writer_stalled{stream="telemetry"} 0');
    expect(await scrape()).toContain('kh02_writer_rows_written_total{stream="telemetry"} 1');
    await writer.stop();
    await bus.close();
  });
});
