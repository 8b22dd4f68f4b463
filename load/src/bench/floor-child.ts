import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busTopology, createLogger, LocalBus, NatsBus, type Bus } from '@kh02/platform';
import { SUBJECTS, validateBatch, type TelemetryBatchMessage } from '@kh02/schemas';
import { floorBodies, timedLoop, type FloorMode } from './floor-bodies.js';

/**
 * The raw floor: what the hot path costs without HTTP or storage — JSON.parse
 * + validateBatch + the bus publish (fsynced journal, or a JetStream PubAck),
 * with as many publishes in flight as concurrent requests would have.
 * Args: <single|batch> <seconds> [nats-url]
 */
const mode = (process.argv[2] ?? 'single') as FloorMode;
const seconds = Number(process.argv[3] ?? 5);
const natsUrl = process.argv[4];
const { streams } = busTopology();
const dir = natsUrl ? undefined : await mkdtemp(join(tmpdir(), 'kh02-floor-'));
// No consumers: interest retention then frees each message once it is durable, so memory stays flat.
const bus: Bus = natsUrl
  ? new NatsBus({
      servers: natsUrl,
      streams,
      durableConsumers: [],
      replicas: 1,
      publishTimeoutMs: 10_000,
      logger: createLogger('kh02-floor', 'warn'),
      name: 'kh02-floor',
    })
  : new LocalBus({ streams, durableConsumers: [], journalDir: dir });
await bus.start();
const bodies = floorBodies(mode, 'floor');
const result = await timedLoop(bodies, seconds, 256, async (req, i) => {
  const now = Date.now();
  const v = validateBatch(req.kind, JSON.parse(req.body) as unknown, now);
  const message: TelemetryBatchMessage = {
    v: 1,
    kind: req.kind,
    key_id: req.keyId,
    idempotency_key: req.idempotencyKey,
    received_at_ms: now,
    events: v.accepted.map((r) => r.event),
  };
  await bus.publish(SUBJECTS.telemetry(req.kind), Buffer.from(JSON.stringify(message)), {
    msgId: `${req.keyId}:${req.idempotencyKey}:${i}`,
    headers: { 'KH02-Key': req.keyId },
  });
  return v.accepted.length;
});
await bus.close();
if (dir) await rm(dir, { recursive: true, force: true });
process.send?.({ type: 'result', mode, bus: bus.kind, ...result });
process.disconnect?.();
