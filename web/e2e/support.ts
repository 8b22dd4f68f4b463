/* Shared plumbing for the browser tests: Chromium, the embedded system, ingest helpers. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddedSystem } from '@kh02/server';
import { startTestSystem, type TestSystem } from '@kh02/testkit';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_DIR = join(WEB_DIR, 'build');
export const ARTIFACTS_DIR = join(WEB_DIR, '..', 'test-artifacts');

/**
 * Debian's Chromium (Playwright cannot download its own here). SwiftShader
 * gives MapLibre a software WebGL in headless mode.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export type Embedded = EmbeddedSystem;
export type SystemUnderTest = TestSystem;

/** The whole backend in-process, on free ports, without the demo simulator, serving web/build. */
export function startSystem(env?: NodeJS.ProcessEnv): Promise<SystemUnderTest> {
  return startTestSystem('web-e2e', { webDir: BUILD_DIR, ...(env ? { env } : {}) });
}

export function token(system: Embedded, id: string): string {
  const t = system.tokens[id];
  if (!t) throw new Error(`no demo token ${id}; have ${Object.keys(system.tokens).join(', ')}`);
  return t;
}

/** POST one health sample through the real ingest API, as a vendor would. */
export async function postHealthSample(
  system: Embedded,
  vendorKey: string,
  body: Record<string, unknown>,
): Promise<Response> {
  const res = await fetch(`${system.ingestUrl}/v1/health-samples`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token(system, vendorKey)}`,
      'idempotency-key': `e2e-${randomUUID()}`,
    },
    body: JSON.stringify(body),
  });
  return res;
}

/** POST a batch `{ events }` to an ingest endpoint with a demo key (as the simulator does). */
export async function postEvents(
  system: Embedded,
  path: '/v1/health-samples' | '/v1/health-reports' | '/v1/counter-reports',
  keyId: string,
  events: Record<string, unknown>[],
): Promise<void> {
  const res = await fetch(`${system.ingestUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token(system, keyId)}`,
      'idempotency-key': `e2e-${randomUUID()}`,
    },
    body: JSON.stringify({ events }),
  });
  if (res.status !== 202) throw new Error(`${path} ${keyId}: ${res.status} ${await res.text()}`);
}

/** A ticket opened straight through the api with a person's session token (for lists with several rows). */
export async function postTicket(
  system: Embedded,
  sessionToken: string,
  t: { unit: string; title: string; priority: string },
): Promise<void> {
  const res = await fetch(`${system.apiUrl}/api/v1/tickets`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sessionToken}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      title: t.title,
      description: `${t.title}.`,
      unit_code: t.unit,
      issue_type: 2,
      priority: t.priority,
      topic: 'online_services',
    }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/tickets: ${res.status} ${await res.text()}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, name);
  await page.screenshot({ path });
  return path;
}

/** Polls `check` until it returns true or the time is up (for UI that follows the live feed). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export interface AxeFinding {
  rule: string;
  impact: string;
  targets: string[];
  message: string;
}

/**
 * WCAG 2.1 A/AA rules of axe-core, run inside the page as it is now. Only
 * serious and critical findings are returned: those are what the wall must
 * never have (contrast is "serious").
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const result = await runner.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        message: v.nodes[0]?.failureSummary ?? v.help,
      }));
  });
}
