import { DEFAULT_TIME_WINDOW } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { NOW, VNPT_SYSTEM } from '@kh02/testkit';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../src/auth/api-keys.js';
import { assembleSamples, pushEventId } from '../src/protocols/assemble-samples.js';
import type { MetricPoint } from '../src/protocols/metric-point.js';

const registry = defaultRegistry();
const AT = NOW - 60_000;
const key: ApiKeyRecord = {
  id: 'vendor-vnpt',
  label: 'VNPT',
  kind: 'vendor',
  vendor: 'VNPT',
  secret_sha256: ['0'.repeat(64)],
  rate_per_sec: 50,
  burst: 200,
  require_signature: false,
  disabled: false,
};

let n = 0;
function point(
  name: string,
  value: number,
  labels: Record<string, string> = { kh02_system_id: VNPT_SYSTEM.id },
  t = AT,
): MetricPoint {
  return { name, value, timestampMs: t, labels: new Map(Object.entries(labels)), path: `timeseries[${n++}]` };
}
const complete = (labels?: Record<string, string>, t = AT) => [
  point('up', 1, labels, t),
  point('kh02_cpu_percent', 42.5, labels, t),
  point('kh02_memory_percent', 61, labels, t),
  point('kh02_network_receive_bits_per_second', 12e6, labels, t),
  point('kh02_network_transmit_bits_per_second', 8e6, labels, t),
];
const assemble = (points: MetricPoint[], k: ApiKeyRecord = key, protocol: 'prometheus' | 'otlp' = 'prometheus') =>
  assembleSamples(points, { key: k, registry, protocol, nowMs: NOW, timeWindow: DEFAULT_TIME_WINDOW });

describe('series → health samples', () => {
  it('a complete set at one instant is one sample of the system, at that instant, in the contract’s units', () => {
    const out = assemble([...complete(), point('kh02_response_time_seconds', 0.25)]);
    expect(out.samples).toEqual([
      {
        event_id: pushEventId('prometheus', VNPT_SYSTEM.id, AT),
        vendor: 'VNPT',
        system_id: VNPT_SYSTEM.id,
        unit_code: VNPT_SYSTEM.unitCode,
        observed_at: new Date(AT).toISOString(),
        uptime_pct: 100,
        cpu_pct: 42.5,
        ram_pct: 61,
        net_in_bps: 12e6,
        net_out_bps: 8e6,
        response_ms: 250,
      },
    ]);
    expect(out.used).toBe(6);
  });

  it('the event id depends on protocol, system and instant only, so a re-batched retry maps onto the same event', () => {
    const a = assemble(complete()).samples[0]?.event_id;
    const b = assemble([...complete()].reverse()).samples[0]?.event_id;
    expect(a).toBe(b);
    expect(assemble(complete(undefined, AT + 1)).samples[0]?.event_id).not.toBe(a);
    expect(assemble(complete(), key, 'otlp').samples[0]?.event_id).not.toBe(a);
  });

  it('kh02_uptime_percent wins over up at the same instant, whatever the order', () => {
    for (const points of [
      [...complete(), point('kh02_uptime_percent', 99.5)],
      [point('kh02_uptime_percent', 99.5), ...complete()],
    ]) {
      expect(assemble(points).samples[0]?.uptime_pct).toBe(99.5);
    }
  });

  it('two instants of one system and two systems make one sample each', () => {
    const other = registry.systemsOfVendor('VNPT').find((s) => s.id !== VNPT_SYSTEM.id)!;
    const out = assemble([
      ...complete(),
      ...complete(undefined, AT + 15_000),
      ...complete({ kh02_system_id: other.id }),
    ]);
    expect(out.samples.map((s) => [s.system_id, s.observed_at]).sort()).toEqual(
      [
        [VNPT_SYSTEM.id, new Date(AT).toISOString()],
        [VNPT_SYSTEM.id, new Date(AT + 15_000).toISOString()],
        [other.id, new Date(AT).toISOString()],
      ].sort(),
    );
  });

  it('without kh02_system_id, the key’s series map names the system (first matching rule)', () => {
    const mapped: ApiKeyRecord = {
      ...key,
      series_map: [
        { match: { job: 'node', instance: '10.0.0.9:9100' }, system_id: 'p99.none' },
        { match: { instance: '10.0.0.5:9100' }, system_id: VNPT_SYSTEM.id },
      ],
    };
    const out = assemble(complete({ job: 'node', instance: '10.0.0.5:9100' }), mapped);
    expect(out.samples.map((s) => s.system_id)).toEqual([VNPT_SYSTEM.id]);
    expect(assemble(complete({ instance: '10.0.0.5:9100' })).ignored.unmapped).toBe(5);
  });

  it('counts unknown names, unmapped series, stale markers and incomplete sets, and stores none of them', () => {
    const out = assemble([
      point('node_load1', 0.5),
      point('constructor', 1),
      point('kh02_cpu_percent', 1, { instance: 'x' }),
      point('kh02_cpu_percent', Number.NaN),
      point('up', 1, { kh02_system_id: VNPT_SYSTEM.id }, AT - 1),
    ]);
    expect(out.samples).toEqual([]);
    expect(out.issues).toEqual([]);
    expect(out.ignored).toEqual({ unknown_metric: 2, unmapped: 1, no_value: 1, incomplete: 1, unsupported_type: 0 });
  });

  it('reads OTLP names with dots as underscores', () => {
    const dotted = complete().map((p) => ({ ...p, name: p.name.replaceAll('_', '.') }));
    expect(assemble(dotted, key, 'otlp').samples).toHaveLength(1);
  });

  it('an infinite value is refused at the series that carried it', () => {
    const points = complete();
    points[1] = { ...points[1]!, value: Number.POSITIVE_INFINITY };
    const out = assemble(points);
    expect(out.samples).toEqual([]);
    expect(out.issues.map((i) => i.path)).toEqual([points[1].path]);
  });
});
