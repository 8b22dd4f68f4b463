import type { IncidentReport } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { finish } from '../src/status/evaluate/evaluation.js';
import { incidentReasons } from '../src/status/evaluate/incidents.js';
import { IncidentBook, incidentFlags } from '../src/status/state/incident-state.js';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;
const report = (phase: IncidentReport['phase'], atMs: number, extra: Partial<IncidentReport> = {}): IncidentReport => ({
  event_id: `e-${phase}-${atMs}`,
  vendor: 'VNPT',
  system_id: 'p01.tthc',
  unit_code: '01',
  incident_id: 'INC-001',
  phase,
  at: new Date(atMs).toISOString(),
  severity: 'serious',
  title: 'Mất kết nối toàn bộ Bộ phận Một cửa',
  message: 'Đang khắc phục',
  ...extra,
});

describe('vendor incident reporting duties', () => {
  it('flags a report made more than 15 min after detection', () => {
    const book = new IncidentBook();
    const i = book.apply(report('detected', T0), T0 + 16 * MIN);
    expect(incidentFlags(i, T0 + 17 * MIN).lateReport).toBe(true);
    const prompt = new IncidentBook().apply(report('detected', T0), T0 + 14 * MIN);
    expect(incidentFlags(prompt, T0 + 15 * MIN).lateReport).toBe(false);
  });

  it('expects a progress update every 30 min until resolved, and a root-cause report within 24 h of the fix', () => {
    const book = new IncidentBook();
    book.apply(report('detected', T0), T0 + 5 * MIN);
    book.apply(report('update', T0 + 30 * MIN), T0 + 30 * MIN);
    const i = book.byKey.get('VNPT:INC-001')!;
    expect(incidentFlags(i, T0 + 59 * MIN).updateOverdue).toBe(false);
    expect(incidentFlags(i, T0 + 61 * MIN).updateOverdue).toBe(true);
    book.apply(report('resolved', T0 + 70 * MIN), T0 + 71 * MIN);
    expect(incidentFlags(i, T0 + 71 * MIN + 23 * 3_600_000).rootCauseOverdue).toBe(false);
    expect(incidentFlags(i, T0 + 71 * MIN + 25 * 3_600_000).rootCauseOverdue).toBe(true);
    book.apply(report('root_cause', T0 + 26 * 3_600_000), T0 + 26 * 3_600_000);
    expect(incidentFlags(i, T0 + 27 * 3_600_000).rootCauseOverdue).toBe(false);
  });

  it('holds a system red while a serious incident is open, yellow for a minor one, and names late duties', () => {
    const book = new IncidentBook();
    book.apply(report('detected', T0), T0 + 20 * MIN);
    const reasons = incidentReasons(book.forSystem('p01.tthc'), T0 + 60 * MIN);
    expect(reasons.map((r) => [r.indicator, r.status])).toEqual([
      ['vendor_incident', 'red'],
      ['incident_reporting', 'yellow'],
      ['incident_reporting', 'yellow'],
    ]);
    const minor = new IncidentBook();
    minor.apply(report('detected', T0, { severity: 'minor', incident_id: 'INC-2' }), T0 + MIN);
    expect(incidentReasons(minor.forSystem('p01.tthc'), T0 + 2 * MIN)).toMatchObject([
      { indicator: 'vendor_incident', status: 'yellow' },
    ]);
    book.apply(report('resolved', T0 + 90 * MIN), T0 + 90 * MIN);
    expect(
      incidentReasons(book.forSystem('p01.tthc'), T0 + 91 * MIN).some((r) => r.indicator === 'vendor_incident'),
    ).toBe(false);
  });

  it('shows every duty an incident breaks, even when several break at once', () => {
    const book = new IncidentBook();
    // Reported 20 min late, then silent: late first report and no 30-minute update, both on one incident.
    book.apply(report('detected', T0), T0 + 20 * MIN);
    const tile = finish(incidentReasons(book.forSystem('p01.tthc'), T0 + 60 * MIN), null);
    expect(tile.reasons.filter((r) => r.indicator === 'incident_reporting').map((r) => r.rule)).toEqual([
      'late_report',
      'update_overdue',
    ]);
  });
});
