import { busTopology, WRITER_TELEMETRY_CONSUMER, WRITER_WORKFLOW_CONSUMER } from '@kh02/platform';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/*
 * Container health of the writer, which has no HTTP port: it is alive while
 * each of its durable JetStream consumers holds a pull request open
 * (num_waiting > 0). A dead or stuck writer stops pulling and its requests
 * expire within the pull timeout, so the count drops to 0. Asked through the
 * JetStream API, which answers from the consumer's leader — in a 3-node
 * cluster a follower's monitoring page would not know the waiting pulls.
 */

export const WRITER_CONSUMERS = busTopology()
  .durableConsumers.filter((c) => c.name === WRITER_TELEMETRY_CONSUMER || c.name === WRITER_WORKFLOW_CONSUMER)
  .map((c) => ({ stream: c.stream, name: c.name }));

export interface ConsumerSeen {
  stream: string;
  name: string;
  /** Pull requests waiting; undefined when the consumer does not exist. */
  waiting: number | undefined;
}

export interface WriterHealth {
  healthy: boolean;
  details: string[];
}

export function judgeWriter(seen: readonly ConsumerSeen[]): WriterHealth {
  const details = seen.map((c) =>
    c.waiting === undefined
      ? `${c.stream}/${c.name}: consumer missing`
      : `${c.stream}/${c.name}: ${c.waiting} pull request(s) waiting`,
  );
  return { healthy: seen.length > 0 && seen.every((c) => (c.waiting ?? 0) > 0), details };
}

export async function checkWriter(natsUrl: string, consumers = WRITER_CONSUMERS): Promise<WriterHealth> {
  let nc;
  try {
    nc = await connect({
      servers: natsUrl.split(',').map((s) => s.trim()),
      name: 'kh02-writer-health',
      timeout: 3_000,
      reconnect: false,
    });
  } catch (err) {
    return { healthy: false, details: [`NATS unreachable: ${(err as Error).message}`] };
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: 3_000 });
    const seen: ConsumerSeen[] = [];
    for (const c of consumers) {
      const info = await jsm.consumers.info(c.stream, c.name).catch(() => undefined);
      seen.push({ ...c, waiting: info?.num_waiting });
    }
    return judgeWriter(seen);
  } finally {
    await nc.close();
  }
}
