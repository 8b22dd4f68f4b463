import type { ClockView, Party, Ticket, TicketStep } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';
import { reportTimeliness } from '../../src/vendors/report-timeliness.js';
import { vendorSpells, vendorTicketStats } from '../../src/vendors/ticket-metrics.js';
import { storedTicket, vendor, vn } from '../tickets/ticket-fixtures.js';

const actor = { id: 'u-x', name: 'X', role: 'cc_coordination' };
const step = (at: string, type: string, assignee: Party | null = null): TicketStep => ({
  at: vn(at),
  type,
  actor,
  status: 'assigned',
  note: null,
  assignee,
});
const clock = (state: ClockView['state']): ClockView => ({
  kind: 'fix',
  label: { vi: 'Khắc phục', en: 'Fix' },
  started_at: vn('2026-11-23T09:00:00'),
  deadline: vn('2026-11-23T13:00:00'),
  stopped_at: null,
  remaining_ms: 0,
  state,
  budget: { kind: 'wall', ms: 4 * 3_600_000 },
});
const view = (over: Partial<Ticket>): Ticket => ({
  ...storedTicket(),
  system_name: null,
  system_name_en: null,
  clocks: [],
  escalated: false,
  ...over,
});

const H = 3_600_000;
const MIN = 60_000;
const FROM = Date.parse(vn('2026-11-16T00:00:00'));

describe('vendor ticket metrics (MTTA / MTTR from the ticket steps)', () => {
  it('measures acknowledgement and resolution from the assignment to the vendor, not from creation', () => {
    const t = view({
      id: 'T1',
      status: 'closed',
      assignee: vendor('VNPT'),
      history: [
        step('2026-11-23T09:00:00', 'created'),
        step('2026-11-23T09:20:00', 'assigned', vendor('VNPT')),
        step('2026-11-23T09:50:00', 'acknowledged'),
        step('2026-11-23T10:00:00', 'started'),
        step('2026-11-23T12:20:00', 'done_reported'),
        step('2026-11-23T12:40:00', 'closed'),
      ],
    });
    const stats = vendorTicketStats([t], 'VNPT', FROM);
    expect(stats).toMatchObject({ total: 1, open: 0, breached: 0, acknowledged: 1, resolved: 1 });
    expect(stats.mtta_ms).toBe(30 * MIN);
    expect(stats.mttr_ms).toBe(3 * H);
  });

  it('averages over tickets and leaves MTTR empty while nothing is resolved', () => {
    const a = view({
      id: 'A',
      status: 'acknowledged',
      assignee: vendor('FPT'),
      history: [step('2026-11-23T09:00:00', 'assigned', vendor('FPT')), step('2026-11-23T09:10:00', 'acknowledged')],
    });
    const b = view({
      id: 'B',
      status: 'acknowledged',
      assignee: vendor('FPT'),
      history: [step('2026-11-23T10:00:00', 'assigned', vendor('FPT')), step('2026-11-23T10:50:00', 'acknowledged')],
    });
    const stats = vendorTicketStats([a, b], 'FPT', FROM);
    expect(stats).toMatchObject({ total: 2, open: 2, acknowledged: 2, resolved: 0, mttr_ms: null });
    expect(stats.mtta_ms).toBe(30 * MIN);
  });

  it('ends a spell when the ticket is reassigned, and credits the answer to whoever holds it', () => {
    const t = view({
      id: 'R',
      status: 'in_progress',
      assignee: vendor('VIETTEL'),
      history: [
        step('2026-11-23T09:00:00', 'assigned', vendor('VNPT')),
        step('2026-11-23T11:00:00', 'assigned', vendor('VIETTEL')),
        step('2026-11-23T11:15:00', 'acknowledged'),
      ],
    });
    expect(vendorSpells(t, 'VNPT')).toEqual([
      { ticketId: 'R', assignedMs: Date.parse(vn('2026-11-23T09:00:00')), acknowledgedMs: null, doneMs: null },
    ]);
    expect(vendorTicketStats([t], 'VIETTEL', FROM)).toMatchObject({ open: 1, acknowledged: 1, mtta_ms: 15 * MIN });
    // VNPT had it and never acknowledged: it counts for VNPT, with no acknowledgement to average.
    expect(vendorTicketStats([t], 'VNPT', FROM)).toMatchObject({ total: 1, open: 0, acknowledged: 0, mtta_ms: null });
  });

  it('counts breached or missed clocks and escalations, and ignores other vendors and old tickets', () => {
    const breached = view({
      id: 'B1',
      status: 'assigned',
      assignee: vendor('CMC'),
      clocks: [clock('breached')],
      history: [step('2026-11-23T09:00:00', 'assigned', vendor('CMC'))],
    });
    const missed = view({
      id: 'B2',
      status: 'closed',
      assignee: vendor('CMC'),
      clocks: [clock('missed')],
      history: [step('2026-11-22T09:00:00', 'assigned', vendor('CMC'))],
    });
    const escalated = view({
      id: 'B3',
      status: 'closed',
      assignee: vendor('CMC'),
      escalated: true,
      history: [step('2026-11-21T09:00:00', 'assigned', vendor('CMC'))],
    });
    const fine = view({
      id: 'OK',
      status: 'closed',
      assignee: vendor('CMC'),
      clocks: [clock('met')],
      history: [step('2026-11-20T09:00:00', 'assigned', vendor('CMC'))],
    });
    const old = view({
      id: 'OLD',
      status: 'closed',
      assignee: vendor('CMC'),
      clocks: [clock('missed')],
      history: [step('2026-10-01T09:00:00', 'assigned', vendor('CMC'))],
    });
    const other = view({ id: 'O', status: 'assigned', assignee: vendor('VNPT'), clocks: [clock('breached')] });
    const stats = vendorTicketStats([breached, missed, escalated, fine, old, other], 'CMC', FROM);
    expect(stats).toMatchObject({ total: 4, breached: 3, open: 1 });
  });
});

describe('daily reports on time', () => {
  const base = {
    systemIds: ['s1', 's2'],
    fromDate: '2026-11-20',
    toDate: '2026-11-22',
    firstSeenDate: '2026-11-20',
    dueLocal: '08:00',
  };
  const at = (local: string) => Date.parse(vn(local));

  it('counts a report by 08:00 next morning on time, after it late, and none missing', () => {
    const r = reportTimeliness({
      ...base,
      arrivals: [
        { system_id: 's1', report_date: '2026-11-20', first_received_ms: at('2026-11-21T07:59:59') },
        { system_id: 's1', report_date: '2026-11-21', first_received_ms: at('2026-11-22T08:00:00') },
        { system_id: 's1', report_date: '2026-11-22', first_received_ms: at('2026-11-23T09:30:00') },
        { system_id: 's2', report_date: '2026-11-20', first_received_ms: at('2026-11-21T06:00:00') },
        // Not a system of this vendor: ignored.
        { system_id: 'x9', report_date: '2026-11-20', first_received_ms: at('2026-11-21T06:00:00') },
      ],
    });
    expect(r).toEqual({ expected: 6, on_time: 3, late: 1, missing: 2, ratio: 0.5 });
  });

  it('does not hold the days before a vendor was first heard from against it', () => {
    const r = reportTimeliness({
      ...base,
      firstSeenDate: '2026-11-22',
      arrivals: [{ system_id: 's1', report_date: '2026-11-22', first_received_ms: at('2026-11-23T07:00:00') }],
    });
    expect(r).toEqual({ expected: 2, on_time: 1, late: 0, missing: 1, ratio: 0.5 });
  });

  it('judges a vendor never heard from over the whole window', () => {
    expect(reportTimeliness({ ...base, firstSeenDate: null, arrivals: [] })).toEqual({
      expected: 6,
      on_time: 0,
      late: 0,
      missing: 6,
      ratio: 0,
    });
  });
});
