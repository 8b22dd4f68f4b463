import { busTopology, NatsBus, WRITER_TELEMETRY_CONSUMER, type BusMessage } from '@kh02/platform';
import { startNatsServer } from '@kh02/platform/testing';
import { SUBJECTS } from '@kh02/schemas';
import { pino } from 'pino';

/**
 * Minimal reproduction (bug report in faults/README.md): acks that the
 * writer sent shortly before nats-server is killed are forgotten, and the
 * messages come back after the restart with deliveryCount = 1 — so the
 * writer's "only check the store for redeliveries (deliveryCount > 1)" rule
 * inserts them a second time.
 *
 *   npx tsx faults/src/repro/jetstream-ack-loss.ts
 */
const topology = busTopology();
const consumer = topology.durableConsumers.find((c) => c.name === WRITER_TELEMETRY_CONSUMER);
if (!consumer) throw new Error('writer consumer missing');
const server = await startNatsServer();
const logger = pino({ level: 'silent' });
const newBus = (name: string) =>
  new NatsBus({ servers: server.url, ...topology, replicas: 1, publishTimeoutMs: 2_000, logger, name });

const bus = newBus('repro');
await bus.start();
// Like the writer: messages are buffered and acked in batches every 500 ms, after "the insert".
const delivered = new Set<number>();
let buffered: BusMessage[] = [];
await bus.consume(consumer, (m: BusMessage) => {
  delivered.add(m.seq);
  buffered.push(m);
});
const flusher = setInterval(() => {
  for (const m of buffered) m.ack();
  buffered = [];
}, 500);
let published = 0;
const deadline = Date.now() + 3_000;
while (Date.now() < deadline) {
  await bus.publish(SUBJECTS.telemetry('health_sample'), Buffer.from(`m${published}`), { msgId: `repro-${published}` });
  published++;
  await new Promise((r) => setTimeout(r, 10));
}
await server.kill();
clearInterval(flusher);
await bus.close().catch(() => undefined);
await server.restart();

const again: BusMessage[] = [];
const survivor = newBus('repro-after-restart');
await survivor.start();
await survivor.consume(consumer, (m) => {
  again.push(m);
  m.ack();
});
await new Promise((r) => setTimeout(r, 3_000));
const seenBefore = again.filter((m) => delivered.has(m.seq));
process.stdout.write(
  `${JSON.stringify({
    natsServer: server.syncPolicy,
    published,
    deliveredBeforeKill: delivered.size,
    deliveredAgainAfterRestart: seenBefore.length,
    theirDeliveryCounts: [...new Set(seenBefore.map((m) => m.deliveryCount))],
  })}\n`,
);
await survivor.close();
await server.stop();
