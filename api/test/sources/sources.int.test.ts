import type { ClickHouseClient } from '@clickhouse/client';
import { defaultRegistry } from '@kh02/schemas/registry';
import { installErrorHandlers } from '@kh02/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type CounterSource, type SourcePanel, SourcePanelSchema } from '@kh02/schemas';
import {
  counterRow,
  DB,
  insertRows,
  local,
  openMigratedStore,
  wednesdayWeeksAgo,
} from '../support/reports/report-fixtures.js';
import { registerSourceRoutes } from '../../src/sources/routes.js';

const registry = defaultRegistry();
/** "Today" of the test: a Wednesday (T), so 07:30 looks back to Tuesday's (Y) end-of-day reports. */
const T = wednesdayWeeksAgo();
const Y = addDays(T, -1);
const Y2 = addDays(T, -2);
let store: { client: ClickHouseClient; close: () => Promise<void> };
let now = Date.parse(local(T, 7, 30));
let app: FastifyInstance;

function sample(systemId: string, observedAt: string, receivedAt: string) {
  const system = registry.system(systemId);
  if (!system) throw new Error(systemId);
  return {
    event_id: `hs-${systemId}-${observedAt}`,
    vendor: system.vendorCode,
    system_id: system.id,
    unit_code: system.unitCode,
    observed_at: observedAt,
    uptime_pct: 99.9,
    cpu_pct: 40,
    ram_pct: 50,
    net_in_bps: 1e6,
    net_out_bps: 1e6,
    response_ms: 120,
    alerts: [],
    key_id: `vendor-${system.vendorCode.toLowerCase()}`,
    received_at: receivedAt,
    bus_seq: 1,
  };
}

function dailyReport(systemId: string, reportDate: string, receivedAt: string) {
  const s = registry.system(systemId);
  if (!s) throw new Error(systemId);
  return {
    event_id: `hr-${systemId}-${reportDate}`,
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    report_date: reportDate,
    uptime_pct: 99.9,
    peak_cpu_pct: 80,
    peak_ram_pct: 70,
    peak_net_in_bps: 1e7,
    peak_net_out_bps: 1e7,
    peaks: [],
    alerts: [],
    key_id: 'k',
    received_at: receivedAt,
    bus_seq: 1,
  };
}

beforeAll(async () => {
  store = await openMigratedStore();
  await insertRows(store.client, 'health_samples', [
    sample('p01.tthc', local(T, 7, 28), local(T, 7, 28)),
    sample('p01.qlvb', local(T, 7, 10), local(T, 7, 10)),
    sample('p01.lgsp', local(Y, 22), local(Y, 22)),
    // Measured at 07:29 but only received at 07:31: after "now", not yet heard.
    sample('p01.sso', local(T, 7, 29), local(T, 7, 31)),
  ]);
  // p01.tthc's sample took 30 s to arrive.
  await insertRows(store.client, 'health_samples', [
    {
      ...sample('p01.tthc', local(T, 7, 29), local(T, 7, 29)),
      observed_at: new Date(Date.parse(local(T, 7, 29)) - 30_000).toISOString(),
    },
  ]);
  await insertRows(store.client, 'health_reports', [
    dailyReport('p01.tthc', Y, local(T, 7, 5)),
    dailyReport('p01.qlvb', Y, local(T, 8, 40)),
    dailyReport('p01.sso', Y2, local(Y, 7)),
  ]);
  await insertRows(store.client, 'counter_reports', [
    counterRow({
      province: '01',
      unit: '01001',
      date: Y,
      hour: 17,
      received: 90,
      online: 80,
      processed: 70,
      onTime: 70,
      receivedAt: local(Y, 17, 10),
    }),
    counterRow({
      province: '01',
      unit: '01002',
      date: Y,
      hour: 16,
      received: 50,
      online: 40,
      processed: 40,
      onTime: 40,
    }),
    counterRow({
      province: '01',
      unit: '01003',
      date: Y2,
      hour: 17,
      received: 50,
      online: 40,
      processed: 40,
      onTime: 40,
    }),
  ]);
  app = Fastify();
  installErrorHandlers(app);
  registerSourceRoutes(app, { clickhouse: store.client, database: DB, registry, now: () => now });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function panel(): Promise<SourcePanel> {
  const res = await app.inject('/api/v1/sources');
  expect(res.statusCode).toBe(200);
  return SourcePanelSchema.parse(res.json());
}

describe('the 07:30 data-source panel', () => {
  it('shows each system’s last sample, its lag and yesterday’s daily report', async () => {
    now = Date.parse(local(T, 7, 30));
    const p = await panel();
    const sys = (id: string) => p.systems.find((s) => s.id === id);
    expect(sys('p01.tthc')).toMatchObject({
      vendor: 'VNPT',
      last_received_at: local(T, 7, 29),
      lag_s: 30,
      sample_status: 'ok',
      daily_report: { for_date: Y, received_at: local(T, 7, 5), status: 'ok' },
    });
    expect(sys('p01.qlvb')).toMatchObject({
      sample_status: 'late',
      daily_report: { status: 'pending', received_at: null },
    });
    expect(sys('p01.lgsp')?.sample_status).toBe('silent');
    expect(sys('p01.sso')).toMatchObject({ last_received_at: null, sample_status: 'silent' });
    expect(p.systems).toHaveLength(registry.systems.length);
    expect(p.summary.systems).toEqual({ ok: 1, late: 1, silent: registry.systems.length - 2 });
  });

  it('summarises vendors, and turns a report after 08:00 into late and a missing one into missing', async () => {
    now = Date.parse(local(T, 9));
    const p = await panel();
    const sys = (id: string) => p.systems.find((s) => s.id === id);
    expect(sys('p01.qlvb')?.daily_report.status).toBe('late');
    expect(sys('p01.sso')?.daily_report.status).toBe('missing');
    const cmc = p.vendors.find((v) => v.code === 'CMC');
    expect(cmc?.systems).toBe(registry.systemsOfVendor('CMC').length);
    expect(cmc?.daily_reports.late).toBe(1);
    expect(p.summary.daily_reports).toEqual({ ok: 1, late: 1, pending: 0, missing: registry.systems.length - 2 });
  });

  it('checks every counter against the last working day’s end-of-day report', async () => {
    now = Date.parse(local(T, 7, 30));
    const p = await panel();
    expect(p.counters_due_since).toBe(local(Y, 17));
    const hn = p.provinces.find((x) => x.code === '01');
    expect(hn).toMatchObject({ expected: 127, statuses: { ok: 1, late: 1, silent: 125 }, status: 'silent' });
    expect(hn?.last_received_at).toBe(local(Y, 17, 10));
    expect(p.summary.counters.ok).toBe(1);

    const res = await app.inject('/api/v1/sources/counters?province=01&status=late');
    const body = res.json<{ counters: CounterSource[] }>();
    expect(body.counters.map((c) => c.code)).toEqual(['01002']);
    const all = (await app.inject('/api/v1/sources/counters?province=01')).json<{ counters: CounterSource[] }>();
    expect(all.counters).toHaveLength(127);
    expect(all.counters.find((c) => c.code === '01003')?.status).toBe('silent');
  });

  it('rejects an unknown or malformed province', async () => {
    expect((await app.inject('/api/v1/sources/counters?province=1')).statusCode).toBe(400);
    expect((await app.inject('/api/v1/sources/counters?province=99')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/sources/counters?province=01&status=green')).statusCode).toBe(400);
  });
});
