import { validateBatch, type TelemetryKind } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { describe, expect, it } from 'vitest';
import {
  COUNTER_TOTAL,
  createRequestFactory,
  INGEST_SCENARIOS,
  ingestPlan,
  probeUnitOf,
  SYSTEM_TOTAL,
  tileProbeRequest,
  type IngestRequest,
} from '../scenarios/index.js';

const registry = defaultRegistry();

/** The same rule the ingest's scope check applies: a key reports only for its province / its vendor's systems. */
function keyMayReport(req: IngestRequest, event: Record<string, unknown>): boolean {
  if (req.kind === 'counter_report') {
    return req.keyId === `counter-p${registry.provinceOf(String(event.unit_code)) ?? '?'}`;
  }
  const system = registry.system(String(event.system_id));
  return (
    system !== undefined &&
    req.keyId === `vendor-${system.vendorCode.toLowerCase()}` &&
    event.vendor === system.vendorCode &&
    event.unit_code === system.unitCode
  );
}

describe('payload generators', () => {
  for (const name of Object.keys(INGEST_SCENARIOS)) {
    it(`${name}: every event is valid and inside its key's scope`, () => {
      const plan = ingestPlan(name);
      const next = createRequestFactory(plan.mix, { runId: 'test1' });
      const now = Date.now();
      for (let i = 0; i < 60; i++) {
        const req = next(i, now);
        const body = JSON.parse(req.body) as unknown;
        const v = validateBatch(req.kind as TelemetryKind, body, now);
        expect(v.envelopeIssues).toEqual([]);
        expect(v.rejected).toEqual([]);
        expect(v.accepted).toHaveLength(req.events);
        for (const row of v.accepted) expect(keyMayReport(req, row.event as Record<string, unknown>)).toBe(true);
      }
    });
  }

  it('event ids and idempotency keys never repeat within a run', () => {
    const next = createRequestFactory(ingestPlan('x100').mix, { runId: 'test2' });
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const req = next(i, Date.now());
      keys.add(req.idempotencyKey);
      for (const m of req.body.matchAll(/"event_id":"([^"]+)"/g)) ids.add(m[1] ?? '');
    }
    expect(keys.size).toBe(200);
    expect(ids.size).toBe(200 * 100);
  });

  it('the burst covers every counter and every system exactly once', () => {
    const plan = ingestPlan('burst-17h');
    expect(plan.maxIterations).toBe(COUNTER_TOTAL + SYSTEM_TOTAL);
    const next = createRequestFactory(plan.mix, { runId: 'test3' });
    const units = new Set<string>();
    for (let i = 0; i < (plan.maxIterations ?? 0); i++) {
      const body = next(i, Date.now()).body;
      units.add(/"system_id":"([^"]+)"/.exec(body)?.[1] ?? /"unit_code":"([^"]+)"/.exec(body)?.[1] ?? '');
    }
    expect(units.size).toBe(COUNTER_TOTAL + SYSTEM_TOTAL);
  });

  it('leaves excluded units (the tile probe centres) alone', () => {
    const excluded = ['01', '79'].map(probeUnitOf);
    const next = createRequestFactory(ingestPlan('x10').mix, { runId: 'test4', excludeUnits: excluded });
    for (let i = 0; i < 10_000; i++) for (const u of excluded) expect(next(i, Date.now()).body).not.toContain(`"${u}"`);
  });

  it('tile probes flip a province between a red and a clear daily report of its TTHC system', () => {
    const now = Date.now();
    for (const red of [true, false]) {
      const req = tileProbeRequest({ province: '79', red, seq: 1, nowMs: now, runId: 'test5' });
      const v = validateBatch('health_report', JSON.parse(req.body) as unknown, now);
      expect(v.accepted).toHaveLength(1);
      const e = v.accepted[0]?.event;
      const system = registry.system(String(e?.system_id));
      expect(system?.unitCode).toBe('79');
      expect(system?.critical).toBe(true);
      expect(req.keyId).toBe(`vendor-${system?.vendorCode.toLowerCase()}`);
      expect(e?.uptime_pct).toBe(red ? 50 : 100);
    }
  });
});
