import type { ClickHouseClient } from '@clickhouse/client';
import { addDays } from '@kh02/schemas';
import {
  counterRow,
  insertRows,
  local,
  statusChangeRow,
  ticketEventRow,
  wednesdayWeeksAgo,
  type CounterInput,
} from './report-fixtures.js';

/*
 * A small, hand-checkable two-province day for the 08:30 report of a
 * Wednesday R (data day R-1, previous day R-2, cumulative from R-5; the
 * weekly report is on Friday R+2). R is the Wednesday three to four weeks
 * before today rather than a fixed date, because ClickHouse expires old rows
 * (status changes after 2 years): a fixed date would quietly empty the tables
 * one day. The expected numbers in the tests are worked out from these rows
 * by hand; see the comments next to each.
 */

export const REPORT_DATE = wednesdayWeeksAgo();
/** The day `offset` days from the report date. */
export const D = (offset: number) => addDays(REPORT_DATE, offset);
export const CUTOFF_ISO = local(REPORT_DATE, 8, 30);
export const CUMULATIVE_FROM = D(-5);

const hn = (unit: string, rest: Omit<CounterInput, 'province' | 'unit'>): CounterInput => ({
  province: '01',
  unit,
  ...rest,
});
const hcm = (unit: string, rest: Omit<CounterInput, 'province' | 'unit'>): CounterInput => ({
  province: '79',
  unit,
  ...rest,
});

export const COUNTERS: CounterInput[] = [
  // Hà Nội, R-2 (previous day): 01001 ends at 80/64/60/59, the centre at 30/27/28/28.
  hn('01001', {
    date: D(-2),
    hour: 11,
    received: 40,
    online: 30,
    processed: 30,
    onTime: 30,
    procedures: [['2.000815', 10]],
  }),
  hn('01001', {
    date: D(-2),
    hour: 17,
    received: 80,
    online: 64,
    processed: 60,
    onTime: 59,
    procedures: [
      ['2.000815', 20],
      ['2.000410', 6],
    ],
  }),
  hn('01000', { date: D(-2), hour: 16, received: 30, online: 27, processed: 28, onTime: 28 }),
  // Hà Nội, R-1 (the data day): 01001 ends at 100/85/90/89, 01002 at 60/45/50/50.
  hn('01001', {
    date: D(-1),
    hour: 10,
    received: 50,
    online: 40,
    processed: 35,
    onTime: 35,
    procedures: [['2.000815', 12]],
  }),
  hn('01001', {
    date: D(-1),
    hour: 17,
    received: 100,
    online: 85,
    processed: 90,
    onTime: 89,
    procedures: [
      ['2.000815', 30],
      ['2.000410', 12],
      ['2.000635', 8],
    ],
  }),
  // Sent at 18:00 but accepted only at 08:45 next morning, after the cut-off: never counted.
  hn('01001', {
    date: D(-1),
    hour: 18,
    received: 140,
    online: 120,
    processed: 120,
    onTime: 110,
    receivedAt: local(REPORT_DATE, 8, 45),
  }),
  hn('01002', {
    date: D(-1),
    hour: 17,
    received: 60,
    online: 45,
    processed: 50,
    onTime: 50,
    procedures: [
      ['2.000410', 20],
      ['1.011673', 4],
    ],
    eventId: 'cr-01002-dup',
  }),
  // The same event stored twice (a retried insert): counted once.
  hn('01002', {
    date: D(-1),
    hour: 17,
    received: 60,
    online: 45,
    processed: 50,
    onTime: 50,
    procedures: [
      ['2.000410', 20],
      ['1.011673', 4],
    ],
    eventId: 'cr-01002-dup',
  }),
  // only in the cumulative values. R-6: before the cumulative start, never counted.
  hn('01001', { date: D(-5), hour: 17, received: 20, online: 10, processed: 20, onTime: 20 }),
  hn('01003', { date: D(-6), hour: 17, received: 1000, online: 1000, processed: 1000, onTime: 1000 }),
  // TP. Hồ Chí Minh, R-1 only: 70/63/60/60 and 30/27/20/19 (the latter accepted at 08:29, in time).
  hcm('79001', {
    date: D(-1),
    hour: 16,
    received: 70,
    online: 63,
    processed: 60,
    onTime: 60,
    procedures: [
      ['2.000635', 25],
      ['2.000815', 5],
    ],
  }),
  hcm('79002', {
    date: D(-1),
    hour: 16,
    received: 30,
    online: 27,
    processed: 20,
    onTime: 19,
    receivedAt: local(REPORT_DATE, 8, 29),
  }),
];

export const TICKET_EVENTS = [
  // T1: technical, Hà Nội, opened on the report day.
  ticketEventRow({ ticket: 'T1', type: 'created', at: local(D(-1), 10), unit: '01', issueType: 1 }),
  // T2: process, a HCMC commune, opened and closed on the report day.
  ticketEventRow({ ticket: 'T2', type: 'created', at: local(D(-1), 9), unit: '79001', issueType: 2 }),
  ticketEventRow({ ticket: 'T2', type: 'closed', at: local(D(-1), 15), unit: '79001', issueType: 2 }),
  // T3: technical, a Hà Nội commune, opened the previous day and closed on the report day.
  ticketEventRow({ ticket: 'T3', type: 'created', at: local(D(-2), 9), unit: '01002', issueType: 1 }),
  ticketEventRow({ ticket: 'T3', type: 'closed', at: local(D(-1), 11), unit: '01002', issueType: 1 }),
  // T4: cancelled as a duplicate — not an incident.
  ticketEventRow({ ticket: 'T4', type: 'created', at: local(D(-1), 12), unit: '01', issueType: 1 }),
  ticketEventRow({ ticket: 'T4', type: 'cancelled', at: local(D(-1), 13), unit: '01', issueType: 1 }),
  // T5: institutional (type 3) — not counted as an incident.
  ticketEventRow({ ticket: 'T5', type: 'created', at: local(D(-1), 12), unit: '01', issueType: 3 }),
  // T6: opened after the cut-off.
  ticketEventRow({ ticket: 'T6', type: 'created', at: local(REPORT_DATE, 9), unit: '01', issueType: 1 }),
  // T7: a central agency's process incident — national only.
  ticketEventRow({ ticket: 'T7', type: 'created', at: local(D(-1), 14), unit: 'BCA', issueType: 2 }),
  // T8: a HCMC system's technical incident on R-3 — cumulative only.
  ticketEventRow({ ticket: 'T8', type: 'created', at: local(D(-3), 14), unit: 'p79.tthc', issueType: 1 }),
];

export const STATUS_CHANGES = [
  statusChangeRow('01', local(D(-1), 14), 'green', 'red', [
    'Tỷ lệ hồ sơ trực tuyến 62,0 % < 80 %',
    'Thời gian hoạt động 95,0 %',
  ]),
  statusChangeRow('01', local(REPORT_DATE, 9), 'red', 'green'),
  statusChangeRow('79', local(D(-1), 8), 'green', 'red', ['Không nhận được dữ liệu']),
  statusChangeRow('79', local(D(-1), 12), 'red', 'green'),
  statusChangeRow('01001', local(D(-1), 16), 'green', 'red', ['Không nhận được dữ liệu']),
  statusChangeRow('BCA', local(D(-2), 10), 'green', 'red', ['Cảnh báo an ninh']),
  statusChangeRow('p01.tthc', local(D(-1), 15), 'green', 'red', ['Tải CPU 99 %']),
];

export async function seedScenario(client: ClickHouseClient): Promise<void> {
  await insertRows(client, 'counter_reports', COUNTERS.map(counterRow));
  await insertRows(client, 'audit_log', TICKET_EVENTS);
  await insertRows(client, 'status_changes', STATUS_CHANGES);
}
