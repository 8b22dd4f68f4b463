import { PlanMaintenanceSchema, type MaintenanceWindow, type WorkflowEvent } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { MaintenanceBook } from '../src/maintenance/maintenance-book.js';
import { healthyUnitSamples, makeEngine, MONDAY_15H, registry, sampleMsg } from '@kh02/testkit';

const MIN = 60_000;
const agency = 'BCA';
const system = registry.systemsOf(agency)[0]!;

function windowEvent(w: Partial<MaintenanceWindow> & { id: string }): WorkflowEvent {
  const after: Omit<MaintenanceWindow, 'version'> = {
    system_id: system.id,
    unit_code: agency,
    vendor_code: system.vendorCode,
    starts_at: new Date(MONDAY_15H - 10 * MIN).toISOString(),
    ends_at: new Date(MONDAY_15H + 50 * MIN).toISOString(),
    reason: 'Nâng cấp cơ sở dữ liệu',
    state: 'approved',
    planned_by: { id: 'u1', name: 'VNPT' },
    planned_at: new Date(MONDAY_15H - 60 * MIN).toISOString(),
    decided_by: null,
    decided_at: null,
    note: null,
    ...w,
  };
  return {
    v: 1,
    event_id: `e-${w.id}-${after.state}`,
    entity: 'maintenance',
    entity_id: w.id,
    type: after.state,
    at: after.planned_at,
    actor: { id: 'u1', role: 'vendor_focal', name: 'VNPT' },
    unit_code: agency,
    issue_type: 0,
    priority: '',
    before: null,
    after: after,
    data: {},
  };
}

describe('maintenance book', () => {
  it('counts only approved windows that are open now', () => {
    const book = new MaintenanceBook();
    book.apply(windowEvent({ id: 'planned', state: 'planned' }), 1);
    expect(book.activeFor(system.id, MONDAY_15H)).toBeUndefined();
    book.apply(windowEvent({ id: 'planned', state: 'approved' }), 2);
    expect(book.activeFor(system.id, MONDAY_15H)?.id).toBe('planned');
    expect(book.activeFor(system.id, MONDAY_15H + 50 * MIN)).toBeUndefined();
    expect(book.activeFor(system.id, MONDAY_15H - 11 * MIN)).toBeUndefined();
    expect(book.markerFor(agency, MONDAY_15H)).toEqual({
      until: new Date(MONDAY_15H + 50 * MIN).toISOString(),
      systems: 1,
    });
    book.apply(windowEvent({ id: 'planned', state: 'cancelled' }), 3);
    expect(book.markerFor(agency, MONDAY_15H)).toBeUndefined();
    expect(book.get('planned')?.version).toBe(3);
  });
});

describe('status engine during an approved maintenance window', () => {
  it('does not colour the unit for load, shows the marker, and still turns red on a critical security alert', () => {
    const now = { value: MONDAY_15H };
    const book = new MaintenanceBook();
    const engine = makeEngine(now, { maintenance: book });
    engine.apply(healthyUnitSamples(agency, now.value - 6 * MIN));
    engine.apply(sampleMsg([{ system_id: system.id, cpu_pct: 99 }], now.value - 30_000));
    engine.evaluateAll();
    expect(engine.child(system.id)?.reasons.map((r) => r.indicator)).toContain('cpu');
    const fromSystem = () => engine.tile(agency)?.reasons.filter((r) => r.source?.code === system.id) ?? [];
    expect(fromSystem().length).toBeGreaterThan(0);
    expect(engine.tile(agency)?.maintenance).toBeUndefined();

    book.apply(windowEvent({ id: 'w1' }), 1);
    engine.evaluateAll();
    expect(engine.child(system.id)?.status).toBe('green');
    expect(fromSystem()).toEqual([]);
    expect(engine.tile(agency)?.maintenance).toEqual({
      until: new Date(MONDAY_15H + 50 * MIN).toISOString(),
      systems: 1,
    });
    expect(engine.child(system.id)?.maintenance_until).toBe(new Date(MONDAY_15H + 50 * MIN).toISOString());

    engine.apply(
      sampleMsg(
        [{ system_id: system.id, cpu_pct: 99, alerts: [{ kind: 'security', severity: 'critical', message: 'DDoS' }] }],
        now.value - 20_000,
      ),
    );
    engine.evaluateAll();
    expect(engine.child(system.id)?.status).toBe('red');
    expect(engine.child(system.id)?.reasons.map((r) => r.indicator)).toEqual(['security_alert']);
  });

  it('colours the unit again once the window has ended', () => {
    const now = { value: MONDAY_15H };
    const book = new MaintenanceBook();
    book.apply(windowEvent({ id: 'w2', ends_at: new Date(MONDAY_15H + 2 * MIN).toISOString() }), 1);
    const engine = makeEngine(now, { maintenance: book });
    engine.apply(healthyUnitSamples(agency, now.value - 6 * MIN));
    engine.apply(sampleMsg([{ system_id: system.id, cpu_pct: 99 }], now.value - 30_000));
    engine.evaluateAll();
    expect(engine.child(system.id)?.reasons.map((r) => r.indicator)).not.toContain('cpu');
    now.value += 3 * MIN;
    engine.apply(sampleMsg([{ system_id: system.id, cpu_pct: 99 }], now.value - 10_000));
    engine.evaluateAll();
    expect(engine.child(system.id)?.reasons.map((r) => r.indicator)).toContain('cpu');
    expect(engine.tile(agency)?.maintenance).toBeUndefined();
  });
});

describe('PlanMaintenanceSchema', () => {
  const base = {
    system_id: system.id,
    starts_at: '2026-12-05T20:00:00+07:00',
    ends_at: '2026-12-05T22:00:00+07:00',
    reason: 'Nâng cấp phiên bản',
  };

  it('accepts a two-hour window', () => {
    expect(PlanMaintenanceSchema.safeParse(base).success).toBe(true);
  });

  it('refuses an end before the start and a window over 12 hours, on ends_at with a Vietnamese reason', () => {
    for (const [ends_at, reason] of [
      ['2026-12-05T19:00:00+07:00', 'ends_before_start'],
      ['2026-12-06T09:00:00+07:00', 'too_long'],
    ] as const) {
      const r = PlanMaintenanceSchema.safeParse({ ...base, ends_at });
      expect(r.success).toBe(false);
      const issue = r.error?.issues[0] as { path: string[]; params?: { reason: string; message: { vi: string } } };
      expect(issue.path).toEqual(['ends_at']);
      expect(issue.params?.reason).toBe(reason);
      expect(issue.params?.message.vi.length).toBeGreaterThan(10);
    }
  });

  it('refuses unknown fields', () => {
    expect(PlanMaintenanceSchema.safeParse({ ...base, state: 'approved' }).success).toBe(false);
  });
});
