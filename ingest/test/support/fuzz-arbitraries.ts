import fc from 'fast-check';
import { HealthSampleSchema, type Alert, type CounterReport, type HealthSample } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { NOW } from '@kh02/testkit';

const registry = defaultRegistry();
const DAY = 86_400_000;
const CONTROL = /\p{Cc}/u;

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const bps = fc.double({ min: 0, max: 1e12, noNaN: true });
const count = fc.integer({ min: 0, max: 10_000_000 });
const eventId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/);
/** Any text a vendor may legitimately send: every code point but control characters, within `max` UTF-16 units. */
const text = (max: number) =>
  fc.string({ unit: 'binary', minLength: 1, maxLength: Math.floor(max / 2) }).filter((s) => !CONTROL.test(s));

const alert: fc.Arbitrary<Alert> = fc.record(
  {
    kind: fc.constantFrom('performance' as const, 'security' as const),
    severity: fc.constantFrom('info' as const, 'warning' as const, 'critical' as const),
    message: text(500),
    code: fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/),
    started_at: fc.integer({ min: 0, max: 2 * DAY }).map((age) => new Date(NOW - age).toISOString()),
  },
  { requiredKeys: ['kind', 'severity', 'message'] },
);

/** Every valid health sample a VNPT key may send at NOW (bounds, time window, registry). */
export const validSample: fc.Arbitrary<HealthSample> = fc
  .record({
    event_id: eventId,
    system: fc.constantFrom(...registry.systemsOfVendor('VNPT')),
    // From 4 min in the future to just under 2 days old: the accepted window.
    ageMs: fc.integer({ min: -4 * 60_000, max: 2 * DAY - 60_000 }),
    uptime_pct: percent,
    cpu_pct: percent,
    ram_pct: percent,
    net_in_bps: bps,
    net_out_bps: bps,
    response_ms: fc.option(fc.double({ min: 0, max: 600_000, noNaN: true }), { nil: undefined }),
    alerts: fc.option(fc.array(alert, { maxLength: 20 }), { nil: undefined }),
  })
  .map(({ system, ageMs, response_ms, alerts, ...rest }) => ({
    ...rest,
    vendor: 'VNPT',
    system_id: system.id,
    unit_code: system.unitCode,
    observed_at: new Date(NOW - ageMs).toISOString(),
    ...(response_ms === undefined ? {} : { response_ms }),
    ...(alerts === undefined ? {} : { alerts }),
  }));

/** Every consistent cumulative counter report the Hà Nội counter key may send at NOW. */
export const validCounter: fc.Arbitrary<CounterReport> = fc
  .record({
    event_id: eventId,
    commune: fc.constantFrom(...registry.communesOf('01')),
    ageMs: fc.integer({ min: -4 * 60_000, max: 3 * DAY - 60_000 }),
    received: count,
    onlineShare: fc.double({ min: 0, max: 1, noNaN: true }),
    processed: count,
    lateShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ event_id, commune, ageMs, received, onlineShare, processed, lateShare }) => {
    const late = Math.floor(processed * lateShare);
    return {
      event_id,
      unit_code: commune.code,
      interval_end: new Date(NOW - ageMs).toISOString(),
      received,
      received_online: Math.floor(received * onlineShare),
      processed,
      on_time: processed - late,
      late,
    };
  });

const SAMPLE_SHAPE = HealthSampleSchema.shape;
export type SampleField = keyof typeof SAMPLE_SHAPE;
const SAMPLE_FIELDS = Object.keys(SAMPLE_SHAPE) as SampleField[];

/** Values of every kind, biased to the edges of numeric and string domains. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(-1, 100.0001, 1e12 + 1, 600_001, -0.0001, 2 ** 53, 'NaN', '', ' ', '42', 'null'),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

/** A valid sample with exactly one field replaced by a value that field's own schema rejects. */
export const sampleWithOneBadField: fc.Arbitrary<{ field: SampleField; event: Record<string, unknown> }> = fc
  .tuple(validSample, fc.constantFrom(...SAMPLE_FIELDS), anyValue)
  .filter(([, field, value]) => !SAMPLE_SHAPE[field].safeParse(value).success)
  .map(([event, field, value]) => ({ field, event: { ...event, [field]: value } }));

/** A valid sample with one extra field no schema knows. */
export const sampleWithUnknownField: fc.Arbitrary<{ key: string; event: Record<string, unknown> }> = fc
  .tuple(validSample, fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), fc.jsonValue({ maxDepth: 1 }))
  .filter(([, key]) => !(key in SAMPLE_SHAPE) && key !== '__proto__')
  .map(([event, key, value]) => ({ key, event: { ...event, [key]: value } }));

/** A valid sample for a system the VNPT key may not report: another vendor's. */
const foreignSample = fc
  .tuple(validSample, fc.constantFrom(...registry.systemsOfVendor('VIETTEL')))
  .map(([event, system]) => ({ ...event, vendor: 'VIETTEL', system_id: system.id, unit_code: system.unitCode }));

/** Anything a confused or hostile client might send as a body. */
export const anyBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  validSample,
  foreignSample,
  sampleWithOneBadField.map((m) => m.event),
  fc.record({
    events: fc.array(
      fc.oneof(
        validSample,
        sampleWithOneBadField.map((m) => m.event),
        foreignSample,
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { maxLength: 12 },
    ),
  }),
);
