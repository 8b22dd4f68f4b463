import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestAccepted } from '@kh02/schemas';
import { busTopology, LocalBus } from '@kh02/platform';
import { counter, dailyReport, HCMC_COMMUNE, NOW, sample, VIETTEL_SYSTEM } from '@kh02/testkit';
import { startIngestHarness, type IngestHarness, type InjectResponse } from '@kh02/testkit';

interface ErrorBody {
  error: {
    code: string;
    message: { vi: string; en: string };
    details?: { index?: number; path: string; reason: string; message: { vi: string; en: string } }[];
  };
}

let h: IngestHarness;
beforeEach(async () => {
  h = await startIngestHarness();
});
afterEach(async () => h.close());

describe('accepting telemetry', () => {
  it('accepts one event with 202 only after the bus holds it', async () => {
    const res = await h.post('/v1/health-samples', sample());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'accepted', accepted: 1, rejected: 0, duplicate: false });
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('accepts a batch of every kind', async () => {
    const samples = await h.post('/v1/health-samples', { events: [sample(), sample(), sample()] });
    const reports = await h.post('/v1/health-reports', { events: [dailyReport()] });
    const counters = await h.post('/v1/counter-reports', counter(), { token: h.tokens['counter-p01'] });
    expect([samples.statusCode, reports.statusCode, counters.statusCode]).toEqual([202, 202, 202]);
    expect(samples.json()).toMatchObject({ accepted: 3 });
    expect(await h.telemetryMessages()).toBe(3);
  });

  it('answers 207 with per-row results when some rows are invalid, storing only the valid ones', async () => {
    const res = await h.post('/v1/health-samples', { events: [sample(), sample({ cpu_pct: 140 }), sample()] });
    expect(res.statusCode).toBe(207);
    const body = res.json<IngestAccepted>();
    expect(body).toMatchObject({ status: 'partial', accepted: 2, rejected: 1 });
    expect(body.results?.[1]).toMatchObject({ index: 1, status: 'rejected' });
    expect(body.results?.[1]?.errors?.[0]).toMatchObject({ path: 'events[1].cpu_pct', reason: 'too_big' });
    expect(body.results?.[1]?.errors?.[0]?.message.vi).toContain('100');
    expect(await h.telemetryMessages()).toBe(1);
  });
});

describe('rejecting bad input with a specific bilingual error and storing nothing', () => {
  const expectRejected = async (res: InjectResponse, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.vi.length).toBeGreaterThan(5);
    expect(body.error.message.en.length).toBeGreaterThan(5);
    expect(await h.telemetryMessages()).toBe(0);
    return body;
  };

  it('400 when every row is invalid, listing each row, path and reason', async () => {
    const res = await h.post('/v1/health-samples', {
      events: [sample({ ram_pct: -1 }), { ...sample(), colour: 'red' }, sample({ observed_at: 'yesterday' })],
    });
    const body = await expectRejected(res, 400, 'VALIDATION_FAILED');
    expect(body.error.details?.map((d) => [d.index, d.path, d.reason])).toEqual([
      [0, 'events[0].ram_pct', 'too_small'],
      [1, 'events[1].colour', 'unknown_field'],
      [2, 'events[2].observed_at', 'invalid_datetime'],
    ]);
  });

  it('400 for malformed JSON and for an empty body', async () => {
    await expectRejected(await h.post('/v1/health-samples', null, { raw: '{"event_id": ' }), 400, 'INVALID_JSON');
    await expectRejected(await h.post('/v1/health-samples', null, { raw: '' }), 400, 'INVALID_JSON');
  });

  it('415 for a non-JSON content type', async () => {
    await expectRejected(
      await h.post('/v1/health-samples', sample(), { contentType: 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('413 for a body over 1 MiB', async () => {
    const big = sample({ alerts: [{ kind: 'performance', severity: 'info', message: 'x'.repeat(500) }] });
    const raw = JSON.stringify({ events: Array.from({ length: 2_500 }, () => big) });
    await expectRejected(await h.post('/v1/health-samples', null, { raw }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('400 for more than 1,000 events', async () => {
    const body = await expectRejected(
      await h.post(
        '/v1/counter-reports',
        { events: Array.from({ length: 1_001 }, () => counter()) },
        { token: h.tokens['counter-p01'] },
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.error.details?.[0]?.reason).toBe('too_many_events');
  });

  it('400 for out-of-range numbers, control characters, inconsistent counts and bad times', async () => {
    const res = await h.post(
      '/v1/counter-reports',
      {
        events: [
          counter({ received_online: 500 }),
          counter({ on_time: 10, late: 1, processed: 90 }),
          counter({ interval_end: new Date(NOW + 3_600_000).toISOString() }),
          counter({ interval_end: new Date(NOW - 10 * 86_400_000).toISOString() }),
          counter({ received: 1.5 }),
        ],
      },
      { token: h.tokens['counter-p01'] },
    );
    const body = await expectRejected(res, 400, 'VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.reason)).toEqual([
      'exceeds_received',
      'on_time_plus_late_mismatch',
      'in_future',
      'too_old',
      'invalid_type',
    ]);
    const ctl = await h.post(
      '/v1/health-samples',
      sample({ alerts: [{ kind: 'security', severity: 'critical', message: 'bad\u0007bell' }] }),
    );
    const ctlBody = await expectRejected(ctl, 400, 'VALIDATION_FAILED');
    expect(ctlBody.error.details?.[0]).toMatchObject({ path: 'alerts[0].message', reason: 'control_chars' });
  });

  it('207 with the repeated row rejected (duplicate_event_id) for an event id repeated within one request', async () => {
    const one = sample();
    const res = await h.post('/v1/health-samples', { events: [one, { ...one }] });
    expect(res.statusCode).toBe(207);
    expect(res.json<IngestAccepted>().results?.[1]?.errors?.[0]?.reason).toBe('duplicate_event_id');
  });

  it('400 without an Idempotency-Key', async () => {
    await expectRejected(await h.post('/v1/health-samples', sample(), { idem: '' }), 400, 'MISSING_IDEMPOTENCY_KEY');
  });

  it('401 for a missing, unknown, malformed or expired key', async () => {
    await expectRejected(await h.post('/v1/health-samples', sample(), { token: '' }), 401, 'UNAUTHENTICATED');
    await expectRejected(
      await h.post('/v1/health-samples', sample(), { token: 'kh02_vendor-vnpt_' + 'A'.repeat(43) }),
      401,
      'UNAUTHENTICATED',
    );
    await expectRejected(await h.post('/v1/health-samples', sample(), { token: 'not-a-key' }), 401, 'UNAUTHENTICATED');
  });

  it('403 when a key reports for another vendor, system or unit, for the whole request', async () => {
    const foreign = sample({ system_id: VIETTEL_SYSTEM.id, unit_code: VIETTEL_SYSTEM.unitCode });
    const asVnpt = await h.post('/v1/health-samples', { events: [sample(), foreign] });
    const body = await expectRejected(asVnpt, 403, 'FORBIDDEN_SCOPE');
    expect(body.error.details?.[0]).toMatchObject({ index: 1, path: 'events[1].system_id' });
    const spoofVendor = await h.post('/v1/health-samples', sample({ vendor: 'VIETTEL' }));
    await expectRejected(spoofVendor, 403, 'FORBIDDEN_SCOPE');
    const otherProvince = await h.post('/v1/counter-reports', counter({ unit_code: HCMC_COMMUNE }), {
      token: h.tokens['counter-p01'],
    });
    await expectRejected(otherProvince, 403, 'FORBIDDEN_SCOPE');
    const vendorSendsCounts = await h.post('/v1/counter-reports', counter());
    await expectRejected(vendorSendsCounts, 403, 'FORBIDDEN_SCOPE');
  });

  it('400 for an unknown system or unit', async () => {
    const body = await expectRejected(
      await h.post('/v1/health-samples', sample({ system_id: 'p01.nope' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.error.details?.[0]?.reason).toBe('unknown_system');
  });
});

describe('idempotency and back-pressure', () => {
  it('accepts a retry with the same key and body once, and refuses the key with another body', async () => {
    const idem = randomUUID();
    const body = { events: [sample(), sample()] };
    const first = await h.post('/v1/health-samples', body, { idem });
    const retry = await h.post('/v1/health-samples', body, { idem });
    expect(first.json()).toMatchObject({ duplicate: false, accepted: 2 });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toMatchObject({ duplicate: true, bus_seq: first.json<IngestAccepted>().bus_seq });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await h.telemetryMessages()).toBe(1);
    const conflict = await h.post('/v1/health-samples', { events: [sample()] }, { idem });
    expect(conflict.statusCode).toBe(422);
    expect(await h.telemetryMessages()).toBe(1);
  });

  it('429 with Retry-After beyond the per-key rate', async () => {
    await h.close();
    h = await startIngestHarness({ ratePerSec: 1, burst: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await h.post('/v1/health-samples', sample())).statusCode);
    expect(codes).toEqual([202, 202, 429]);
    const limited = await h.post('/v1/health-samples', sample());
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('503 with Retry-After when the bus is down or full, never 2xx', async () => {
    await h.bus.close();
    const down = await h.post('/v1/health-samples', sample());
    expect(down.statusCode).toBe(503);
    expect(down.json<ErrorBody>().error.code).toBe('BUS_UNAVAILABLE');
    expect(down.headers['retry-after']).toBe('2');
    const ready = await h.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);

    await h.close();
    const tiny = busTopology({
      telemetryMaxBytes: 2_000,
      maxMsgBytes: 100_000,
      telemetryMaxAgeMs: 3_600_000,
      duplicateWindowMs: 600_000,
    });
    h = await startIngestHarness({ bus: new LocalBus(tiny) });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await h.post('/v1/health-samples', { events: [sample(), sample()] })).statusCode);
    expect(statuses).toContain(503);
    const full = await h.post('/v1/health-samples', sample());
    expect(full.json<ErrorBody>().error.code).toBe('BUS_FULL');
  });

  it('separates liveness from readiness', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/ready' })).json()).toMatchObject({ status: 'ready' });
  });
});
