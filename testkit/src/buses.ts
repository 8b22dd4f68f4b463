import { LocalBus, NatsBus, type Bus } from '@kh02/platform';
import { makeTempDir, startNatsServer, type NatsServerHandle } from '@kh02/platform/local';
import { silentLogger } from './ingest-harness.js';
import { TEST_TOPOLOGY } from './test-writer.js';

/** Builds buses of one kind that share state (journal dir or server), so a "restart" is a new instance. */
export interface BusKind {
  label: string;
  setup(): Promise<void>;
  create(): Bus;
  teardown(): Promise<void>;
}

export function localJournaledBus(): BusKind {
  let dir: { path: string; remove: () => Promise<void> } | undefined;
  return {
    label: 'embedded journaled bus',
    setup: async () => {
      dir = await makeTempDir('pipeline-bus');
    },
    create: () => new LocalBus({ ...TEST_TOPOLOGY, journalDir: dir?.path ?? '' }),
    teardown: async () => dir?.remove(),
  };
}

export function natsBus(): BusKind {
  let server: NatsServerHandle | undefined;
  let n = 0;
  return {
    label: 'NATS JetStream (real nats-server)',
    setup: async () => {
      server = await startNatsServer();
    },
    create: () =>
      new NatsBus({
        servers: server?.url ?? '',
        ...TEST_TOPOLOGY,
        replicas: 1,
        publishTimeoutMs: 2_000,
        logger: silentLogger,
        name: `pipeline-${++n}`,
      }),
    teardown: async () => server?.stop(),
  };
}
