import type { Logger } from 'pino';
import { LocalBus } from './local-bus.js';
import { NatsBus } from './nats-bus.js';
import { busTopology, type BusLimits } from './topology.js';
import type { Bus } from './types.js';

export interface BusConfig {
  /** Set → NATS JetStream; unset → the embedded journaled bus. */
  natsUrl?: string;
  journalDir: string;
  limits: BusLimits;
  natsReplicas: number;
  publishTimeoutMs: number;
  clientName: string;
}

export function createBus(config: BusConfig, logger: Logger): Bus {
  const topology = busTopology(config.limits);
  if (config.natsUrl) {
    return new NatsBus({
      servers: config.natsUrl,
      ...topology,
      replicas: config.natsReplicas,
      publishTimeoutMs: config.publishTimeoutMs,
      logger,
      name: config.clientName,
    });
  }
  return new LocalBus({ ...topology, journalDir: config.journalDir });
}
