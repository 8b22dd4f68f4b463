import { describe, expect, it } from 'vitest';
import { ConsumerProgressMonitor } from '../../src/bus/consumer-progress.js';
import { LocalBus } from '../../src/bus/local-bus.js';
import type { BusMessage, ConsumerSpec, StreamSpec } from '../../src/bus/types.js';

const STREAM: StreamSpec = {
  name: 'S',
  subjects: ['s.>'],
  retention: 'interest',
  maxBytes: 1 << 20,
  maxMsgBytes: 1 << 16,
  maxAgeMs: 60_000,
  duplicateWindowMs: 60_000,
};
const WRITER: ConsumerSpec = {
  stream: 'S',
  name: 'writer',
  durable: true,
  ackWaitMs: 60_000,
  maxAckPending: 10,
  deliverPolicy: 'all',
};

describe('ConsumerProgressMonitor', () => {
  it('reports a stall only while messages wait and nothing is acknowledged, and clears on the next ack', async () => {
    let t = 1_000;
    const bus = new LocalBus({ streams: [STREAM], durableConsumers: [WRITER], now: () => t });
    await bus.start();
    const monitor = new ConsumerProgressMonitor(bus, 'S', 'writer', () => t);
    expect(await monitor.sample()).toEqual({ waiting: 0, stalledForMs: 0 });
    const held: BusMessage[] = [];
    const sub = await bus.consume(WRITER, (m) => held.push(m));
    await bus.publish('s.a', Buffer.from('1'), { msgId: '1' });
    await bus.publish('s.a', Buffer.from('2'), { msgId: '2' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await monitor.sample()).waiting).toBe(2);
    t += 45_000;
    expect(await monitor.sample()).toEqual({ waiting: 2, stalledForMs: 45_000 });
    held[0]?.ack();
    t += 1_000;
    expect(await monitor.sample()).toEqual({ waiting: 1, stalledForMs: 0 });
    await sub.stop();
    await bus.close();
  });
});
