import { randomUUID } from 'node:crypto';
import type { MaintenanceWindow, Tile } from '@kh02/schemas';
import { defaultRegistry } from '@kh02/schemas/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, eventually, login, startTestSystem, type TestSystem } from '@kh02/testkit';

const registry = defaultRegistry();
const vnptAgencySystem = registry.systemsOfVendor('VNPT').find((s) => registry.kindOf(s.unitCode) === 'agency')!;
const viettelSystem = registry.systemsOfVendor('VIETTEL')[0]!;

let handle: TestSystem;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  handle = await startTestSystem('maintenance');
  const passwords = await demoPasswords(handle.dataDir);
  for (const u of ['vnpt.daumoi', 'cc.totruong', 'cc.dieuphoi'])
    tokens[u] = await login(handle.system, u, passwords[u] ?? '');
});
afterAll(async () => handle.close());

const api = (path: string, user: string, body?: unknown) =>
  fetch(`${handle.system.apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function redSample(systemId: string, unitCode: string, alerts: unknown[] = []) {
  const res = await fetch(`${handle.system.ingestUrl}/v1/health-samples`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${handle.system.tokens['vendor-vnpt']}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      event_id: randomUUID(),
      vendor: 'VNPT',
      system_id: systemId,
      unit_code: unitCode,
      observed_at: new Date().toISOString(),
      uptime_pct: 99.9,
      cpu_pct: 99,
      ram_pct: 40,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
      alerts,
    }),
  });
  expect(res.status).toBe(202);
}

const unitTile = async (code: string) =>
  ((await (await api(`/api/v1/units/${code}`, 'cc.totruong')).json()) as { tile: Tile }).tile;

describe('maintenance windows over HTTP', () => {
  const plan = {
    system_id: vnptAgencySystem.id,
    starts_at: inMinutes(-1),
    ends_at: inMinutes(60),
    reason: 'Nâng cấp CSDL',
  };
  let window: MaintenanceWindow;

  it('lets a vendor plan a window for its own system (201, planned), and not for another vendor’s (403)', async () => {
    const res = await api('/api/v1/maintenance', 'vnpt.daumoi', plan);
    expect(res.status).toBe(201);
    window = (await res.json()) as MaintenanceWindow;
    expect(window).toMatchObject({ state: 'planned', unit_code: vnptAgencySystem.unitCode, vendor_code: 'VNPT' });
    const other = await api('/api/v1/maintenance', 'vnpt.daumoi', { ...plan, system_id: viettelSystem.id });
    expect(other.status).toBe(403);
  });

  it('refuses an end before the start with the field path and a bilingual message, storing nothing', async () => {
    const before = ((await (await api('/api/v1/maintenance', 'cc.totruong')).json()) as unknown[]).length;
    const res = await api('/api/v1/maintenance', 'vnpt.daumoi', { ...plan, ends_at: inMinutes(-30) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { details: { path: string; reason: string; message: { vi: string; en: string } }[] };
    };
    expect(body.error.details[0]).toMatchObject({ path: 'ends_at', reason: 'ends_before_start' });
    expect(body.error.details[0]?.message.vi).toContain('kết thúc');
    expect(((await (await api('/api/v1/maintenance', 'cc.totruong')).json()) as unknown[]).length).toBe(before);
  });

  it('keeps the unit coloured while the window only awaits approval, and lets only the lead approve', async () => {
    await redSample(vnptAgencySystem.id, vnptAgencySystem.unitCode);
    await eventually(
      async () => ((await unitTile(vnptAgencySystem.unitCode)).status !== 'noreport' ? true : undefined),
      5_000,
    );
    expect((await unitTile(vnptAgencySystem.unitCode)).maintenance).toBeUndefined();
    expect((await api(`/api/v1/maintenance/${window.id}/approve`, 'vnpt.daumoi', {})).status).toBe(403);
    expect((await api(`/api/v1/maintenance/${window.id}/approve`, 'cc.dieuphoi', {})).status).toBe(403);
    const ok = await api(`/api/v1/maintenance/${window.id}/approve`, 'cc.totruong', {});
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as MaintenanceWindow).state).toBe('approved');
  });

  it('marks the tile "in maintenance" and drops the system’s load reasons once approved', async () => {
    const tile = await eventually(async () => {
      const t = await unitTile(vnptAgencySystem.unitCode);
      return t.maintenance ? t : undefined;
    }, 5_000);
    expect(tile.maintenance).toEqual({ until: window.ends_at, systems: 1 });
    expect(tile.reasons.filter((r) => r.source?.code === vnptAgencySystem.id)).toEqual([]);
  });

  it('still colours the unit for a critical security alert during the window', async () => {
    await redSample(vnptAgencySystem.id, vnptAgencySystem.unitCode, [
      { kind: 'security', severity: 'critical', message: 'Phát hiện truy cập trái phép' },
    ]);
    const tile = await eventually(async () => {
      const t = await unitTile(vnptAgencySystem.unitCode);
      return t.reasons.some((r) => r.source?.code === vnptAgencySystem.id) ? t : undefined;
    }, 5_000);
    expect(tile.maintenance).toBeDefined();
  });

  it('removes the marker when cancelled, and refuses to reject a cancelled window (409)', async () => {
    const res = await api(`/api/v1/maintenance/${window.id}/cancel`, 'vnpt.daumoi', { note: 'Hoãn sang tuần sau' });
    expect(res.status).toBe(200);
    await eventually(async () => ((await unitTile(vnptAgencySystem.unitCode)).maintenance ? undefined : true), 5_000);
    const reject = await api(`/api/v1/maintenance/${window.id}/reject`, 'cc.totruong', { note: 'Không phù hợp' });
    expect(reject.status).toBe(409);
  });

  it('needs a session to list windows', async () => {
    const res = await fetch(`${handle.system.apiUrl}/api/v1/maintenance`);
    expect(res.status).toBe(401);
  });
});
