/*
 * WCAG 2.1 AA in real Chromium: axe-core on every route of the wall (each
 * wall view, both languages, a drill-down of each kind, tickets, reports,
 * sources, sign-in), at 1920×1080 and, for the pages people use on a phone,
 * at 360×800. Zero serious or critical findings is the bar. The route table
 * is checked against web/src/routes, so a new page cannot skip the audit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMorning } from './seed';
import {
  WEB_DIR,
  launchChromium,
  postTicket,
  screenshot,
  seriousAxeFindings,
  startSystem,
  type SystemUnderTest,
} from './support';

const registry = defaultRegistry();
const system = registry.systems.find((s) => s.unitCode === '01');
if (!system) throw new Error('the registry has no system owned by Hà Nội');

/** Each route file → the concrete URLs audited for it (filled with real ids once the backend runs). */
function auditedUrls(ticketId: string): Record<string, string[]> {
  return {
    '/': ['/', '/?view=agencies', '/?view=rankings', '/?view=briefing', '/?lang=en', '/?kiosk=1'],
    '/wall': ['/wall'],
    '/province/[code]': ['/province/01', '/province/79?lang=en'],
    '/agency/[code]': ['/agency/BCA'],
    '/system/[id]': [`/system/${system?.id ?? ''}`],
    '/tickets': ['/tickets'],
    '/tickets/[id]': [`/tickets/${ticketId}`],
    '/tasks': ['/tasks'],
    '/progress': ['/progress'],
    '/reports': ['/reports'],
    '/sources': ['/sources'],
    '/vendors': ['/vendors', '/vendors?lang=en'],
    '/contacts': ['/contacts', '/contacts?lang=en'],
    '/notifications': ['/notifications'],
    '/roster': ['/roster'],
    '/login': ['/login'],
    '/replay': ['/replay', '/replay?lang=en'],
  };
}

function routeFiles(dir = join(WEB_DIR, 'src', 'routes')): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...routeFiles(path));
    else if (name === '+page.svelte') {
      const route = relative(join(WEB_DIR, 'src', 'routes'), dir).replaceAll('\\', '/');
      found.push(`/${route}`);
    }
  }
  return found.sort();
}

describe('accessibility (axe-core, WCAG 2.1 AA) in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let ticketId = '';
  let token = '';
  const contexts: BrowserContext[] = [];

  async function signedInPage(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sut.system.apiUrl}/login`);
    const passwords = JSON.parse(readFileSync(join(sut.dataDir, 'demo-accounts.json'), 'utf8')) as Record<
      string,
      string
    >;
    await page.fill('input[name="username"]', 'cc.giamsat');
    await page.fill('input[name="password"]', passwords['cc.giamsat'] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="session-name"]', { timeout: 15_000 });
    token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('kh02.session') ?? '{}') as { token?: string }).token ?? '',
    );
    return page;
  }

  /** Opens a URL and waits for the page's own content (not just the shell) before auditing. */
  async function open(page: Page, url: string): Promise<void> {
    await page.goto(`${sut.system.apiUrl}${url}`);
    await page.waitForSelector('main, [data-testid="login-form"]', { timeout: 15_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(600);
  }

  beforeAll(async () => {
    sut = await startSystem();
    await seedMorning(sut.system, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await sut?.close();
  });

  it('audits a URL for every page the wall has', () => {
    expect(Object.keys(auditedUrls('x')).sort()).toEqual(routeFiles());
  });

  it('has no serious or critical axe findings on any route at 1920×1080', async () => {
    const page = await signedInPage(1920, 1080);
    await postTicket(sut.system, token, { unit: '01', title: 'Hà Nội: kiểm tra cổng dịch vụ công', priority: 'P2' });
    const list = (await (
      await fetch(`${sut.system.apiUrl}/api/v1/tickets`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string }[];
    ticketId = list[0]?.id ?? '';
    expect(ticketId).not.toBe('');

    const findings: Record<string, unknown> = {};
    for (const urls of Object.values(auditedUrls(ticketId)))
      for (const url of urls) {
        await open(page, url);
        const serious = await seriousAxeFindings(page);
        if (serious.length > 0) findings[url] = serious;
      }
    await screenshot(page, 'a11y-last-route-1920.png');
    expect(findings).toEqual({});
    // Every route in turn, each waiting for its own content: minutes on a busy machine, not the default 90 s.
  }, 240_000);

  it('has no serious or critical axe findings on the phone pages at 360×800', async () => {
    const page = await signedInPage(360, 800);
    const findings: Record<string, unknown> = {};
    for (const url of [
      '/login',
      '/tickets',
      `/tickets/${ticketId}`,
      '/province/01',
      '/reports',
      '/tasks',
      '/progress',
      '/notifications',
      '/contacts',
    ]) {
      await open(page, url);
      const serious = await seriousAxeFindings(page);
      if (serious.length > 0) findings[url] = serious;
    }
    await screenshot(page, 'a11y-phone-360.png');
    expect(findings).toEqual({});
  });
});
