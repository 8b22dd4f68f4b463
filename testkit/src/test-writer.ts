import type { ClickHouseClient } from '@clickhouse/client';
import { defaultRegistry } from '@kh02/schemas/registry';
import { busTopology, WRITER_TELEMETRY_CONSUMER, type Bus } from '@kh02/platform';
import { BusWriter, ClickHouseBatchStore, decodeTelemetry, type BatchStore } from '@kh02/ingest';
import { silentLogger } from './ingest-harness.js';
import { TEST_DB } from './test-store.js';

/** Test topology: a 1 s writer ack wait so a crashed writer's messages come back quickly. */
export const TEST_TOPOLOGY = busTopology(undefined, { writerAckWaitMs: 1_000 });

export function writerConsumer() {
  const spec = TEST_TOPOLOGY.durableConsumers.find((c) => c.name === WRITER_TELEMETRY_CONSUMER);
  if (!spec) throw new Error('writer consumer missing from topology');
  return spec;
}

export function startWriter(
  bus: Bus,
  client: ClickHouseClient,
  opts: {
    store?: BatchStore;
    flushIntervalMs?: number;
    maxBatchRows?: number;
    exactDedup?: boolean;
    stallAfterMs?: number;
  } = {},
) {
  const registry = defaultRegistry();
  const writer = new BusWriter({
    bus,
    store: opts.store ?? new ClickHouseBatchStore(client, TEST_DB),
    consumer: writerConsumer(),
    logger: silentLogger,
    decode: (msg) => decodeTelemetry(msg, (code) => registry.provinceOf(code)),
    origin: 'telemetry',
    exactDedup: opts.exactDedup ?? true,
    maxBatchRows: opts.maxBatchRows ?? 5_000,
    flushIntervalMs: opts.flushIntervalMs ?? 100,
    highWaterRows: 100_000,
    ...(opts.stallAfterMs !== undefined ? { stallAfterMs: opts.stallAfterMs } : {}),
  });
  return writer;
}
