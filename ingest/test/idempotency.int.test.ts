import { randomUUID } from 'node:crypto';
import { STREAMS, type ApiErrorBody, type IngestAccepted } from '@kh02/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localJournaledBus, natsBus, type BusKind } from '@kh02/testkit';
import { sample } from '@kh02/testkit';
import { startIngestHarness } from '@kh02/testkit';

const SAMPLES = '/v1/health-samples';

describe.each([localJournaledBus(), natsBus()])('one Idempotency-Key, many requests, on $label', (kind: BusKind) => {
  beforeAll(async () => kind.setup());
  afterAll(async () => kind.teardown());

  it('ten simultaneous requests with different bodies: one accepted, nine refused with 422, one message on the bus', async () => {
    const h = await startIngestHarness({ bus: kind.create() });
    const before = (await h.bus.streamState(STREAMS.telemetry)).lastSeq;
    const idem = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.post(SAMPLES, sample(), { idem })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([202, 422, 422, 422, 422, 422, 422, 422, 422, 422]);
    for (const a of answers.filter((r) => r.statusCode === 422))
      expect(a.json<ApiErrorBody>().error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await h.bus.streamState(STREAMS.telemetry)).lastSeq).toBe(before + 1);
    await h.close();
  });

  it('ten simultaneous retries of one body: all answered 202 with the same bus sequence, one message on the bus', async () => {
    const h = await startIngestHarness({ bus: kind.create() });
    const before = (await h.bus.streamState(STREAMS.telemetry)).lastSeq;
    const idem = randomUUID();
    const body = sample();
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.post(SAMPLES, body, { idem })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(202));
    const seqs = new Set(answers.map((a) => a.json<IngestAccepted>().bus_seq));
    expect(seqs.size).toBe(1);
    expect(answers.filter((a) => a.json<IngestAccepted>().duplicate).length).toBe(9);
    expect((await h.bus.streamState(STREAMS.telemetry)).lastSeq).toBe(before + 1);
    await h.close();
  });

  it('after a restart (no memory of the key in the process) a different body under a used key is still 422', async () => {
    const first = await startIngestHarness({ bus: kind.create() });
    const idem = randomUUID();
    const body = sample();
    expect((await first.post(SAMPLES, body, { idem })).statusCode).toBe(202);
    await first.close();
    const second = await startIngestHarness({ bus: kind.create() });
    const before = (await second.bus.streamState(STREAMS.telemetry)).lastSeq;
    const conflict = await second.post(SAMPLES, sample(), { idem });
    expect(conflict.statusCode).toBe(422);
    const retry = await second.post(SAMPLES, body, { idem });
    expect(retry.statusCode).toBe(202);
    expect(retry.json<IngestAccepted>().duplicate).toBe(true);
    expect((await second.bus.streamState(STREAMS.telemetry)).lastSeq).toBe(before);
    await second.close();
  });
});
