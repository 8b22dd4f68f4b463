import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { busContract, CONTRACT_DURABLE, CONTRACT_LOG_STREAM, CONTRACT_STREAM } from '@kh02/testkit';
import { startNatsServer, type NatsServerHandle } from '../../src/local/nats-server.js';
import { NatsBus } from '../../src/bus/nats-bus.js';

let server: NatsServerHandle;
let counter = 0;
beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(async () => server.stop());

busContract('NatsBus (real nats-server)', {
  create: async () => {
    // Fresh stream names per test keep tests independent on one server.
    const suffix = `_${++counter}`;
    const bus = new NatsBus({
      servers: server.url,
      streams: [CONTRACT_STREAM, CONTRACT_LOG_STREAM],
      durableConsumers: [CONTRACT_DURABLE],
      replicas: 1,
      publishTimeoutMs: 2_000,
      logger: pino({ level: 'silent' }),
      name: `contract${suffix}`,
    });
    await bus.start();
    return bus;
  },
  cleanup: async () => {
    const { connect } = await import('@nats-io/transport-node');
    const { jetstreamManager } = await import('@nats-io/jetstream');
    const nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    for (const s of [CONTRACT_STREAM.name, CONTRACT_LOG_STREAM.name])
      await jsm.streams.delete(s).catch(() => undefined);
    await nc.close();
  },
});
