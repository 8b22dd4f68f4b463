/*
 * GET /api/v1/vendors end to end: telemetry through the real ingest into the
 * real ClickHouse engine (chDB), a ticket routed to VNPT and answered by its
 * focal point through the ticket API, then the vendor view read back.
 */
import { randomUUID } from 'node:crypto';
import { addDays, VendorAccountabilitySchema, vnLocalDate, type ApiErrorBody, type Ticket } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, eventually, login, postAsVendor, startTestSystem, type TestSystem } from '@kh02/testkit';

const registry = defaultRegistry();
const VNPT = registry.systemsOfVendor('VNPT');
const [healthy, hot] = VNPT;
if (!healthy || !hot) throw new Error('the registry needs two VNPT systems');

let sut: TestSystem;
const tokens: Record<string, string> = {};

async function call<T>(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sut.system.apiUrl}${path}`, {
    method,
    headers: {
      ...(tokens[user] ? { authorization: `Bearer ${tokens[user]}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const sample = (systemId: string, cpu: number, agoMs: number) => {
  const s = registry.system(systemId)!;
  return {
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    observed_at: new Date(Date.now() - agoMs).toISOString(),
    uptime_pct: 99.9,
    cpu_pct: cpu,
    ram_pct: 50,
    net_in_bps: 1e6,
    net_out_bps: 1e6,
  };
};

const report = (systemId: string, day: string) => {
  const s = registry.system(systemId)!;
  return {
    vendor: s.vendorCode,
    system_id: s.id,
    unit_code: s.unitCode,
    report_date: day,
    uptime_pct: 99.9,
    peaks: [{ at: `${day}T03:00:00.000Z`, cpu_pct: 70, ram_pct: 60, net_in_bps: 1e6, net_out_bps: 1e6 }],
  };
};

const today = vnLocalDate(Date.now());

beforeAll(async () => {
  sut = await startTestSystem('vendors-http');
  const passwords = await demoPasswords(sut.dataDir);
  for (const u of ['cc.giamsat', 'cc.dieuphoi', 'vnpt.daumoi'])
    tokens[u] = await login(sut.system, u, passwords[u] ?? '');
  tokens.display = sut.system.displayToken ?? '';
  expect(await postAsVendor(sut.system, '/v1/health-samples', 'VNPT', sample(healthy.id, 30, 20_000))).toBe(202);
  expect(await postAsVendor(sut.system, '/v1/health-samples', 'VNPT', sample(hot.id, 99, 30_000))).toBe(202);
  expect(await postAsVendor(sut.system, '/v1/health-samples', 'VNPT', sample(hot.id, 99, 10_000))).toBe(202);
  // Two daily reports sent days after they were due: late, not missing.
  for (const back of [3, 2])
    expect(
      await postAsVendor(sut.system, '/v1/health-reports', 'VNPT', report(healthy.id, addDays(today, -back))),
    ).toBe(202);
}, 90_000);
afterAll(async () => sut?.close());

describe('GET /api/v1/vendors', () => {
  it('is for the Command Center: 401 without a session, 403 for the wall display and for a vendor', async () => {
    expect((await call('nobody', 'GET', '/api/v1/vendors')).status).toBe(401);
    expect((await call('display', 'GET', '/api/v1/vendors')).status).toBe(403);
    expect((await call('vnpt.daumoi', 'GET', '/api/v1/vendors')).status).toBe(403);
  });

  it('refuses a window outside 1–90 days with the field and a Vietnamese message', async () => {
    const bad = await call<ApiErrorBody & { error: { details?: { path: string; message: { vi: string } }[] } }>(
      'cc.giamsat',
      'GET',
      '/api/v1/vendors?days=0',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.[0]).toMatchObject({ path: 'days' });
    expect(bad.body.error.details?.[0]?.message.vi).toContain('số ngày từ 1 đến 90');
  });

  it('shows VNPT with its red system, its late reports from ClickHouse, and MTTA/MTTR from the ticket steps', async () => {
    const created = await call<Ticket>('cc.giamsat', 'POST', '/api/v1/tickets', {
      title: `${hot.name}: tải CPU quá cao`,
      description: 'CPU trên 95 % liên tục, người dân không nộp được hồ sơ.',
      unit_code: hot.unitCode,
      system_id: hot.id,
      issue_type: 1,
      priority: 'P2',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(
      (
        await call('cc.dieuphoi', 'POST', `/api/v1/tickets/${id}/assign`, {
          assignee: { kind: 'vendor', code: 'VNPT' },
        })
      ).status,
    ).toBe(200);
    expect((await call('vnpt.daumoi', 'POST', `/api/v1/tickets/${id}/acknowledge`, {})).status).toBe(200);
    expect((await call('vnpt.daumoi', 'POST', `/api/v1/tickets/${id}/start`, {})).status).toBe(200);
    const done = await call<Ticket>('vnpt.daumoi', 'POST', `/api/v1/tickets/${id}/done`, {
      result_report: 'Đã mở rộng tài nguyên máy chủ; tải CPU trở lại bình thường.',
    });
    expect(done.status).toBe(200);
    const at = (type: string) => Date.parse(done.body.history.find((h) => h.type === type)?.at ?? '');

    await eventually(async () => {
      const r = await call<unknown>('cc.giamsat', 'GET', '/api/v1/vendors');
      if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      const v = VendorAccountabilitySchema.parse(r.body).vendors.find((x) => x.code === 'VNPT');
      // The writer batches into ClickHouse: wait until the two late reports have landed.
      return (v?.systems_red ?? 0) >= 1 && v?.daily_reports.late === 2;
    }, 15_000);
    const res = await call<unknown>('cc.giamsat', 'GET', '/api/v1/vendors?days=7');
    expect(res.status).toBe(200);
    const view = VendorAccountabilitySchema.parse(res.body);
    expect(view).toMatchObject({ window_days: 7, to_date: addDays(today, -1), report_due_local: '08:00' });
    expect(view.vendors.map((v) => v.code).sort()).toEqual(registry.vendors.map((v) => v.code).sort());
    const vnpt = view.vendors.find((v) => v.code === 'VNPT')!;
    expect(vnpt.systems).toBe(VNPT.length);
    expect(vnpt.red_systems.map((s) => s.id)).toContain(hot.id);
    // The vendor was first heard from three days ago: three report days for each of its systems.
    expect(vnpt.daily_reports).toEqual({
      expected: 3 * VNPT.length,
      on_time: 0,
      late: 2,
      missing: 3 * VNPT.length - 2,
      ratio: 0,
    });
    expect(vnpt.tickets).toMatchObject({ total: 1, open: 0, acknowledged: 1, resolved: 1 });
    expect(vnpt.tickets.mtta_ms).toBe(at('acknowledged') - at('assigned'));
    expect(vnpt.tickets.mttr_ms).toBe(at('done_reported') - at('assigned'));
    // Worst first: VNPT has a red system, so it comes before every vendor without one.
    const firstClean = view.vendors.findIndex((v) => v.systems_red === 0);
    expect(view.vendors.findIndex((v) => v.code === 'VNPT')).toBeLessThan(firstClean === -1 ? Infinity : firstClean);
    const silentVendor = view.vendors.find((v) => v.code !== 'VNPT' && v.systems > 0);
    expect(silentVendor?.systems_noreport).toBe(silentVendor?.systems);
  });
});
