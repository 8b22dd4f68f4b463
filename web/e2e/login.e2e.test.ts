/*
 * The sign-in page in real Chromium against the real backend: a wrong
 * password and then the 5-minute throttle, each in the server's Vietnamese
 * words. Its own backend, so the throttled account touches no other test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startSystem, waitUntil, type SystemUnderTest } from './support';

describe('sign-in in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;
  let passwords: Record<string, string>;
  const pageErrors: string[] = [];

  const url = (path: string) => `${sut.system.apiUrl}${path}`;

  beforeAll(async () => {
    sut = await startSystem();
    passwords = JSON.parse(readFileSync(join(sut.dataDir, 'demo-accounts.json'), 'utf8')) as Record<string, string>;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('refuses a wrong password, then throttles, in the server’s Vietnamese words', async () => {
    await page.goto(url('/login'));
    await page.fill('input[name="username"]', 'cc.giamsat');
    await page.fill('input[name="password"]', 'sai-mat-khau');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    expect(await (await page.waitForSelector('[data-testid="login-error"]')).textContent()).toBe(
      'Sai tên đăng nhập hoặc mật khẩu.',
    );
    // No live-link banner on the sign-in page of a tab without any token.
    expect(await page.$('[data-testid="link-lost-banner"]')).toBeNull();

    // After ten failures in five minutes the api throttles the account (429); the page says so.
    for (let i = 0; i < 10; i++) {
      await fetch(url('/api/v1/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'viettel.daumoi', password: `sai-${i}` }),
      });
    }
    await page.fill('input[name="username"]', 'viettel.daumoi');
    await page.fill('input[name="password"]', passwords['viettel.daumoi'] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="login-error"][data-throttled="true"]');
    expect(await page.textContent('[data-testid="login-error"]')).toBe(
      'Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.',
    );
  });

  it('signs in, and signing out ends the session on the server too', async () => {
    await page.goto(url('/login'));
    await page.fill('input[name="username"]', 'cc.giamsat');
    await page.fill('input[name="password"]', passwords['cc.giamsat'] ?? '');
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="session-name"]', { timeout: 15_000 });
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('kh02.session') ?? '{}') as { token?: string }).token ?? '',
    );
    const me = async () =>
      (await fetch(url('/api/v1/auth/me'), { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await me()).toBe(200);
    await page.click('button:has-text("Đăng xuất")');
    await page.waitForURL((u) => u.pathname === '/login');
    // A copy of the token (another tab, a saved request) no longer works.
    await waitUntil(async () => (await me()) === 401, 5_000);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
