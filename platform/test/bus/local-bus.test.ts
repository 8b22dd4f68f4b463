import { afterEach, describe, expect, it } from 'vitest';
import { busContract, CONTRACT_DURABLE, CONTRACT_LOG_STREAM, CONTRACT_STREAM } from '@kh02/testkit';
import { eventually } from '@kh02/testkit';
import { makeTempDir } from '../../src/local/temp-dir.js';
import { LocalBus } from '../../src/bus/local-bus.js';
import type { BusMessage } from '../../src/bus/types.js';

const topology = { streams: [CONTRACT_STREAM, CONTRACT_LOG_STREAM], durableConsumers: [CONTRACT_DURABLE] };

busContract('LocalBus (in memory)', {
  create: async () => {
    const bus = new LocalBus(topology);
    await bus.start();
    return bus;
  },
});

let dir: { path: string; remove: () => Promise<void> } | undefined;
busContract('LocalBus (journaled)', {
  create: async () => {
    dir = await makeTempDir('bus');
    const bus = new LocalBus({ ...topology, journalDir: dir.path });
    await bus.start();
    return bus;
  },
  cleanup: async () => dir?.remove(),
});

describe('LocalBus journal across restarts', () => {
  let temp: { path: string; remove: () => Promise<void> };
  afterEach(async () => temp.remove());

  const open = async (segmentBytes?: number) => {
    const bus = new LocalBus({ ...topology, journalDir: temp.path, ...(segmentBytes ? { segmentBytes } : {}) });
    await bus.start();
    return bus;
  };
  const drain = async (bus: LocalBus, ack: boolean) => {
    const got: BusMessage[] = [];
    const sub = await bus.consume(CONTRACT_DURABLE, (m) => {
      got.push(m);
      if (ack) m.ack();
    });
    return { got, sub };
  };

  it('replays acknowledged publishes that were not consumed, as possible redeliveries', async () => {
    temp = await makeTempDir('bus-restart');
    const first = await open();
    await first.publish('contract.a', new TextEncoder().encode('durable'), { msgId: 'j-1' });
    await first.publish('contract.a', new TextEncoder().encode('consumed'), { msgId: 'j-2' });
    const { got, sub } = await drain(first, false);
    await eventually(() => got.length === 2);
    got[1]?.ack();
    await sub.stop();
    await first.close();

    const second = await open();
    const after = await drain(second, true);
    await eventually(() => after.got.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(after.got.map((m) => new TextDecoder().decode(m.data))).toEqual(['durable']);
    // The first process may have delivered it: consumers must treat it as a redelivery.
    expect(after.got[0]?.deliveryCount).toBe(2);
    // The dedup window survives the restart.
    const dup = await second.publish('contract.a', new TextEncoder().encode('again'), { msgId: 'j-1' });
    expect(dup.duplicate).toBe(true);
    await after.sub.stop();
    await second.close();
  });

  it('truncates a torn tail and deletes segments once every message is acknowledged', async () => {
    temp = await makeTempDir('bus-segments');
    const bus = await open(1024);
    for (let i = 0; i < 30; i++) await bus.publish('contract.a', new Uint8Array(200), { msgId: `s-${i}` });
    const { readdir, appendFile } = await import('node:fs/promises');
    const segDir = `${temp.path}/CONTRACT`;
    const before = (await readdir(segDir)).length;
    expect(before).toBeGreaterThan(3);
    const { got, sub } = await drain(bus, true);
    await eventually(() => got.length === 30);
    await bus.publish('contract.a', new Uint8Array(10), { msgId: 's-last' });
    await eventually(async () => (await readdir(segDir)).length <= 2);
    await sub.stop();
    await bus.close();
    // Simulate a crash mid-append: garbage after the last full record.
    const files = (await readdir(segDir)).sort();
    await appendFile(`${segDir}/${files.at(-1)}`, Buffer.from([0x40, 0, 0, 0, 1, 2, 3]));
    const reopened = await open(1024);
    const after = await drain(reopened, true);
    await new Promise((r) => setTimeout(r, 100));
    expect(after.got).toHaveLength(0);
    const next = await reopened.publish('contract.a', new Uint8Array(10), { msgId: 's-next' });
    expect(next.seq).toBe(32);
    await after.sub.stop();
    await reopened.close();
  });
});
