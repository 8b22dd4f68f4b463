import type { ClickHouseClient } from '@clickhouse/client';
import { STREAMS, SUBJECTS, type TelemetryBatchMessage } from '@kh02/schemas';
import { LocalBus } from '@kh02/platform';
import { eventually } from '@kh02/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample } from './support/fixtures.js';
import { countRows, openTestStore } from './support/store.js';
import { startWriter, TEST_TOPOLOGY } from './support/writer.js';

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
