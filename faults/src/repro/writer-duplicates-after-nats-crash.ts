import { BusWriter, type BatchStore } from '@kh02/ingest';
import { busTopology, NatsBus, WRITER_TELEMETRY_CONSUMER, type Bus, type BusMessage } from '@kh02/platform';
import { startNatsServer } from '@kh02/platform/local';
import { SUBJECTS } from '@kh02/schemas';
import { pino } from 'pino';

/**
 * Minimal reproduction of the R1 duplicate (faults/README.md, "Findings"):
 * the real BusWriter and a real nats-server; an in-memory store that answers
 * `existingEventIds` truthfully. nats-server is killed -9 under load and
 * restarted. Prints how many rows were stored twice and the deliveryCount
 * the second delivery of those messages carried.
 *
 *   npx tsx faults/src/repro/writer-duplicates-after-nats-crash.ts                # exactDedup off: the bug
 *   npx tsx faults/src/repro/writer-duplicates-after-nats-crash.ts --exact-dedup  # the fix: every batch checked
 */
const exactDedup = process.argv.includes('--exact-dedup');
const logger = pino({ level: 'silent' });
const topology = busTopology();
const consumer = topology.durableConsumers.find((c) => c.name === WRITER_TELEMETRY_CONSUMER);
if (!consumer) throw new Error('writer consumer missing');
const server = await startNatsServer();
const newBus = (name: string) =>
  new NatsBus({ servers: server.url, ...topology, replicas: 1, publishTimeoutMs: 2_000, logger, name });

/** Stores rows in memory; `existingEventIds` tells the truth, as ClickHouse would. */
const stored = new Map<string, number>();
const store: BatchStore = {
  insert: (_table, rows) => {
    for (const r of rows) stored.set(String(r.event_id), (stored.get(String(r.event_id)) ?? 0) + 1);
    return Promise.resolve();
  },
  existingEventIds: (_table, rows) =>
    Promise.resolve(new Set(rows.map((r) => String(r.event_id)).filter((id) => stored.has(id)))),
};

/** Sees every delivery the writer sees. */
const deliveries = new Map<number, number[]>();
const writerBus = newBus('repro-writer');
const spyBus: Bus = Object.assign(Object.create(writerBus) as Bus, {
  consume: (spec: typeof consumer, onMessage: (m: BusMessage) => void) =>
    writerBus.consume(spec, (m) => {
      deliveries.set(m.seq, [...(deliveries.get(m.seq) ?? []), m.deliveryCount]);
      onMessage(m);
    }),
});
await writerBus.start();
const writer = new BusWriter({
  bus: spyBus,
  store,
  consumer,
  logger,
  origin: 'telemetry',
  exactDedup,
  decode: (m) => ({ table: 'health_samples', rows: JSON.parse(Buffer.from(m.data).toString()) as [] }),
  maxBatchRows: 10_000,
  flushIntervalMs: 500,
  highWaterRows: 200_000,
});
await writer.start();

const publisher = newBus('repro-publisher');
await publisher.start();
let n = 0;
const publishFor = async (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const rows = Array.from({ length: 5 }, () => ({ event_id: `e${n++}`, unit_code: '01' }));
    await publisher
      .publish(SUBJECTS.telemetry('health_sample'), Buffer.from(JSON.stringify(rows)), { msgId: `m${n}` })
      .catch(() => (n -= 5)); // refused while the server is down: those events were never accepted
    await new Promise((r) => setTimeout(r, 20));
  }
};
await publishFor(3_000);
await server.kill();
await new Promise((r) => setTimeout(r, 2_000));
await server.restart();
await new Promise((r) => setTimeout(r, 1_500));
await publishFor(2_000);
await new Promise((r) => setTimeout(r, 5_000));

const twice = [...stored].filter(([, c]) => c > 1).map(([id]) => id);
const redelivered = [...deliveries].filter(([, counts]) => counts.length > 1);
process.stdout.write(
  `${JSON.stringify({
    exactDedup,
    eventsAccepted: n,
    rowsStored: [...stored.values()].reduce((a, b) => a + b, 0),
    distinctStored: stored.size,
    storedTwice: twice.length,
    messagesDeliveredTwice: redelivered.length,
    deliveryCountsOfThoseMessages: redelivered.slice(0, 10).map(([seq, counts]) => ({ seq, counts })),
  })}\n`,
);
await writer.stop(1_000);
await publisher.close();
await writerBus.close();
await server.stop();
