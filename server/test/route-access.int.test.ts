import { defaultRegistry } from '@kh02/schemas/registry';
import type { RouteSummary } from '@kh02/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, login, startTestSystem, type TestSystem } from '@kh02/testkit';

/*
 * Every route of the api and of ingest, as the router sees it: the plain
 * path, percent-encoded forms that the router decodes to the same route, and
 * case-varied forms. Without a session (or key) nothing answers with data;
 * with each role, the export and KPI routes are refused to the wall display
 * and to vendor accounts, and nothing fails with a 5xx.
 */

const registry = defaultRegistry();
const system = registry.systemsOfVendor('VNPT')[0];
const SAMPLE_PARAMS: Record<string, string> = {
  code: '01',
  id: system?.id ?? 'p01.tthc',
  kind: 'daily',
  date: '2026-12-03',
  aid: 'none',
};

function concrete(url: string): string {
  return url.replace(/:([a-z_]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}

/** Same route after the router's percent-decoding; the first is the plain one. */
function encodedForms(path: string): string[] {
  const [first = '', ...rest] = path.slice(1).split('/');
  const encodeFirst = (s: string) => (s.length > 0 ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s);
  return [
    path,
    `/${encodeFirst(first)}/${rest.join('/')}`,
    `/${first}/${rest.map((seg, i) => (i === rest.length - 1 ? encodeFirst(seg) : seg)).join('/')}`,
  ];
}

/** Case-varied forms: different routes to a case-sensitive router, so they must not reach data either. */
function caseForms(path: string): string[] {
  const [first = '', ...rest] = path.slice(1).split('/');
  return [
    path.toUpperCase(),
    path.replace(/\/([a-z])/g, (_, c: string) => `/${c.toUpperCase()}`),
    // %41 is "A": percent-encoded, but upper case once decoded.
    `/%${first.toUpperCase().charCodeAt(0).toString(16)}${first.slice(1)}/${rest.join('/')}`,
  ];
}

const DEMO = {
  cc_lead: 'cc.totruong',
  cc_coordination: 'cc.dieuphoi',
  cc_monitoring: 'cc.giamsat',
  unit_focal: 'hanoi.kythuat',
  vendor_focal: 'vnpt.daumoi',
  working_group: 'nhom3.truong',
  display: 'tuong.hienthi',
} as const;
type DemoRole = keyof typeof DEMO;

/** Routes that hand data out of the Center or rate its performance: never for the wall or a vendor. */
const RESTRICTED = [/^\/api\/v1\/reports/, /^\/api\/v1\/tickets-kpi$/, /^\/api\/v1\/audit$/, /^\/api\/v1\/accounts$/];

let sut: TestSystem;
let tokens: Record<DemoRole, string>;
let apiRoutes: RouteSummary[];
beforeAll(async () => {
  sut = await startTestSystem('route-access');
  const passwords = await demoPasswords(sut.dataDir);
  tokens = {} as Record<DemoRole, string>;
  for (const [role, user] of Object.entries(DEMO) as [DemoRole, string][])
    tokens[role] = await login(sut.system, user, passwords[user] ?? '');
  apiRoutes = sut.system.api.app.routeTable.filter((r) => r.url.startsWith('/api/'));
}, 120_000);
afterAll(async () => sut.close());

async function call(base: string, method: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: method === 'GET' ? headers : { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  const body = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body };
}

/** Not data: a refusal, or the wall's HTML shell (the single-page app's fallback for unknown paths). */
const noData = (r: { status: number; type: string }) =>
  r.status === 401 || r.status === 404 || (r.status === 200 && r.type.startsWith('text/html'));

describe('api routes', () => {
  it('walks a real route table (every /api/ route)', () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(25);
    expect(apiRoutes.filter((r) => r.public).map((r) => r.url)).toEqual(['/api/v1/auth/login']);
  });

  it('answers 401 without a session on every route, plain or percent-encoded, and never data when case-varied', async () => {
    const leaks: string[] = [];
    for (const r of apiRoutes.filter((x) => !x.public)) {
      const path = concrete(r.url);
      for (const form of encodedForms(path)) {
        const res = await call(sut.system.apiUrl, r.method, form);
        if (res.status !== 401) leaks.push(`${r.method} ${form} → ${res.status}`);
      }
      for (const form of caseForms(path)) {
        const res = await call(sut.system.apiUrl, r.method, form);
        if (!noData(res)) leaks.push(`${r.method} ${form} → ${res.status} ${res.type}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('with each role: no 5xx anywhere, and exports, the KPI, the audit trail and accounts refused to the display and vendors', async () => {
    const problems: string[] = [];
    for (const role of Object.keys(DEMO) as DemoRole[]) {
      for (const r of apiRoutes.filter((x) => x.method === 'GET')) {
        for (const form of encodedForms(concrete(r.url)).slice(0, 2)) {
          const res = await call(sut.system.apiUrl, 'GET', form, { authorization: `Bearer ${tokens[role]}` });
          if (res.status >= 500) problems.push(`${role} GET ${form} → ${res.status}`);
          const restricted = RESTRICTED.some((re) => re.test(r.url));
          if (restricted && (role === 'display' || role === 'vendor_focal') && res.status !== 403)
            problems.push(`${role} GET ${form} → ${res.status} (expected 403)`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});

describe('ingest routes', () => {
  it('answers 401 without a key on every write route, plain or percent-encoded, whatever the body (case-varied: no route)', async () => {
    const routes = (await ingestRoutes()).filter((r) => r.method === 'POST');
    // Four JSON routes and the two push routes (Prometheus remote-write, OTLP metrics).
    expect(routes.length).toBe(6);
    const wrong: string[] = [];
    for (const r of routes) {
      for (const form of [...encodedForms(r.url), ...caseForms(r.url)]) {
        const exact = !caseForms(r.url).includes(form);
        for (const [type, body] of [
          ['application/json', '{}'],
          ['text/plain', 'hello'],
          ['application/json', 'x'.repeat(2 * 1024 * 1024)],
        ] as const) {
          const res = await fetch(`${sut.system.ingestUrl}${form}`, {
            method: 'POST',
            headers: { 'content-type': type },
            body,
          });
          await res.arrayBuffer();
          // The route itself: 401 before anything else. Another route (case-varied): no such route, never a 2xx.
          if (exact ? res.status !== 401 : res.status < 400)
            wrong.push(`POST ${form} (${type}, ${body.length} B) → ${res.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

async function ingestRoutes(): Promise<RouteSummary[]> {
  // The ingest app is not exposed on the system handle; its routes are the published contract.
  const res = await fetch(`${sut.system.ingestUrl}/openapi.json`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([url, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), url, public: false })),
  );
}
