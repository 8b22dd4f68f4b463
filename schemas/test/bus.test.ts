import { describe, expect, it } from 'vitest';
import { TelemetryBatchEnvelopeSchema } from '../src/bus.js';

const envelope = (events: unknown) => ({
  v: 1,
  kind: 'health_sample',
  key_id: 'k1',
  idempotency_key: 'idem-1',
  received_at_ms: 1_700_000_000_000,
  events,
});

describe('TelemetryBatchEnvelopeSchema', () => {
  it('accepts a batch of event objects as they are (they were validated at ingest)', () => {
    const events = [{ event_id: 'e1', extra: { nested: true } }];
    expect(TelemetryBatchEnvelopeSchema.parse(envelope(events)).events).toEqual(events);
  });

  it('refuses events that are not objects, and empty or unknown batches', () => {
    for (const events of [[null], [[1, 2]], ['text'], [1], []])
      expect(TelemetryBatchEnvelopeSchema.safeParse(envelope(events)).success, JSON.stringify(events)).toBe(false);
    expect(TelemetryBatchEnvelopeSchema.safeParse({ ...envelope([{}]), kind: 'other' }).success).toBe(false);
    expect(TelemetryBatchEnvelopeSchema.safeParse({ ...envelope([{}]), v: 2 }).success).toBe(false);
  });
});
