import { randomUUID } from 'node:crypto';
import type { Ticket } from '@kh02/schemas';
import { eventually } from '@kh02/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedSystem } from '../src/embedded.js';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';
import { provinceSystem } from '@kh02/testkit';

let handle: TestSystem;
let system: EmbeddedSystem;
let token = '';

beforeAll(async () => {
  handle = await startTestSystem('incidents');
  system = handle.system;
  token = await login(system, 'cc.dieuphoi', (await demoPasswords(handle.dataDir))['cc.dieuphoi'] ?? '');
});
afterAll(async () => handle.close());

/** An incident report from the system's vendor; returns the HTTP response. */
function reportIncident(s: ReturnType<typeof provinceSystem>, event: Record<string, unknown>) {
  return fetch(`${system.ingestUrl}/v1/incident-reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${system.tokens[`vendor-${s.vendorCode.toLowerCase()}`]}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      event_id: randomUUID(),
      vendor: s.vendorCode,
      system_id: s.id,
      unit_code: s.unitCode,
      ...event,
    }),
  });
}

describe('vendor incident reports by API', () => {
  it('accepts a serious incident, turns its system red and opens a P1 ticket for the vendor', async () => {
    const s = provinceSystem('79');
    const res = await reportIncident(s, {
      incident_id: 'INC-HCM-0001',
      phase: 'detected',
      at: new Date(Date.now() - 5 * 60_000).toISOString(),
      severity: 'serious',
      title: 'Không thể đăng nhập iGate, lỗi Gateway Timeout',
      message: 'Toàn bộ hoạt động tiếp nhận hồ sơ đang bị dừng lại.',
    });
    expect(res.status).toBe(202);
    const auth = { authorization: `Bearer ${token}` };
    const tickets = await eventually(async () => {
      const list = (await (
        await fetch(`${system.apiUrl}/api/v1/tickets?unit=79`, { headers: auth })
      ).json()) as Ticket[];
      return list.length > 0 ? list : undefined;
    }, 5_000);
    expect(tickets[0]).toMatchObject({
      priority: 'P1',
      issue_type: 1,
      source: { kind: 'incident', incident_id: 'INC-HCM-0001' },
      suggested_assignee: { kind: 'vendor', code: s.vendorCode },
    });
    const detail = await eventually(async () => {
      const d = (await (await fetch(`${system.apiUrl}/api/v1/systems/${s.id}`, { headers: auth })).json()) as {
        system: { status: string; reasons: { indicator: string }[] };
      };
      return d.system.status === 'red' ? d : undefined;
    }, 5_000);
    expect(detail.system.reasons.map((r) => r.indicator)).toContain('vendor_incident');
    const incidents = (await (await fetch(`${system.apiUrl}/api/v1/incidents`, { headers: auth })).json()) as {
      incident_id: string;
      flags: { lateReport: boolean };
    }[];
    expect(incidents[0]).toMatchObject({ incident_id: 'INC-HCM-0001', flags: { lateReport: false } });
  });

  it('rejects a new incident without a title, with a bilingual reason', async () => {
    const s = provinceSystem('79');
    const res = await reportIncident(s, {
      incident_id: 'INC-X',
      phase: 'detected',
      at: new Date().toISOString(),
      severity: 'minor',
      message: 'x',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string; reason: string }[] } };
    expect(body.error.details[0]).toMatchObject({ path: 'title', reason: 'required_for_detected' });
  });
});
