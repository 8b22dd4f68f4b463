/*
 * The wall in real Chromium against the real backend (embedded system, no
 * simulator): the national map with all 34 provinces and both archipelagos,
 * a vendor's red health sample turning its province red within 2 s, the
 * drill-down explaining why, and the honest lost-link banner.
 */
import { randomUUID } from 'node:crypto';
import { INDICATOR_LABELS } from '@kh02/schemas';
import { defaultRegistry, PROVINCES } from '@kh02/schemas/registry';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, postHealthSample, screenshot, startSystem, waitUntil, type SystemUnderTest } from './support';

const registry = defaultRegistry();
const target = registry.systemsOfVendor('VNPT').find((s) => /^\d{2}$/.test(s.unitCode));
if (!target) throw new Error('the registry has no VNPT system owned by a province');
const provinceName = PROVINCES.find((p) => p.code === target.unitCode)?.name ?? target.unitCode;

describe('KH02 wall in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  const statusOf = (code: string) => page.getAttribute(`.label[data-code="${code}"]`, 'data-status');
  /** The wall's URL with the read-only display token, as a kiosk is provisioned. */
  const wallUrl = (query = '') => {
    const token = sut.system.displayToken;
    const params = new URLSearchParams(query);
    if (token) params.set('token', token);
    const qs = params.toString();
    return `${sut.system.apiUrl}/${qs ? `?${qs}` : ''}`;
  };

  beforeAll(async () => {
    sut = await startSystem();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The wall must run on a network with nothing but its own server: no CDN, fonts or tiles.
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(sut.system.apiUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
        foreignRequests.push(url);
    });
    await page.goto(wallUrl());
    await page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="link-state"][data-link="live"]', { timeout: 15_000 });
  });

  it('takes the display token from the URL once and keeps it out of the address bar', () => {
    expect(sut.system.displayToken, 'the embedded system provides a display token').toBeTruthy();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('draws and labels all 34 provinces, Hoàng Sa and Trường Sa, with local assets only', async () => {
    const labels = await page.$$eval('.label[data-code]', (els) =>
      els.map((e) => ({ code: e.getAttribute('data-code'), text: e.textContent?.trim() ?? '' })),
    );
    expect(labels).toHaveLength(34);
    for (const p of PROVINCES) expect(labels.find((l) => l.code === p.code)?.text).toBe(p.name);
    expect((await page.textContent('[data-archipelago="hoang-sa"]'))?.trim()).toBe('Quần đảo Hoàng Sa (TP. Đà Nẵng)');
    expect((await page.textContent('[data-archipelago="truong-sa"]'))?.trim()).toBe('Quần đảo Trường Sa (Khánh Hòa)');
    // Both archipelagos sit inside the map's visible box.
    const box = await page.locator('.map').boundingBox();
    for (const id of ['hoang-sa', 'truong-sa']) {
      const b = await page.locator(`[data-archipelago="${id}"]`).boundingBox();
      expect(
        b && box && b.x >= box.x && b.x + b.width <= box.x + box.width && b.y + b.height <= box.y + box.height,
      ).toBe(true);
    }
    // The self-hosted font is the one in use.
    expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Hoàng Sa'))).toBe(true);
    expect(foreignRequests).toEqual([]);
  });

  it("turns a province red within 2 s of its vendor's red health sample", async () => {
    expect(await statusOf(target.unitCode)).not.toBe('red');
    const res = await postHealthSample(sut.system, 'vendor-vnpt', {
      event_id: `e2e-${randomUUID()}`,
      vendor: 'VNPT',
      system_id: target.id,
      unit_code: target.unitCode,
      observed_at: new Date().toISOString(),
      uptime_pct: 20,
      cpu_pct: 99,
      ram_pct: 99,
      net_in_bps: 1e6,
      net_out_bps: 1e6,
      alerts: [{ kind: 'security', severity: 'critical', message: 'Phát hiện truy cập trái phép' }],
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const took = await waitUntil(async () => (await statusOf(target.unitCode)) === 'red', 2_000);
    expect(took).toBeLessThanOrEqual(2_000);
    expect(await page.textContent('[data-testid="data-as-of"]')).toMatch(/^\s*Dữ liệu lúc \d\d:\d\d:\d\d\s*$/);
    await screenshot(page, 'wall-1920x1080.png');
  });

  it('opens the province on click and shows why it is red', async () => {
    await page.click(`.label[data-code="${target.unitCode}"]`);
    await page.waitForURL(`**/province/${target.unitCode}`);
    await page.waitForSelector('[data-testid="reasons"]', { timeout: 10_000 });
    expect(await page.textContent('h1')).toBe(provinceName);
    expect(await page.getAttribute('[data-testid="unit-status"]', 'data-status')).toBe('red');
    const reasons = (await page.textContent('[data-testid="reasons"]')) ?? '';
    const explained = [target.name, INDICATOR_LABELS.security_alert.vi, INDICATOR_LABELS.system_status.vi].some((s) =>
      reasons.includes(s),
    );
    expect(explained, reasons).toBe(true);
    expect(await page.textContent(`[data-testid="systems"] tr[data-code="${target.id}"]`)).toContain('Khẩn cấp');
    await page.waitForTimeout(1_000); // let the charts draw before the picture
    await screenshot(page, 'province-1920x1080.png');
    await page.click('a.back');
    await page.waitForSelector('.map[data-ready="true"]');
  });

  it("opens the red system's own page from the drill-down", async () => {
    await page.goto(`${sut.system.apiUrl}/province/${target.unitCode}`);
    await page.click(`[data-testid="systems"] tr[data-code="${target.id}"] a`);
    await page.waitForURL(`**/system/${target.id}`);
    await page.waitForSelector('[data-testid="unit-status"]', { timeout: 10_000 });
    expect(await page.textContent('h1')).toBe(target.name);
    expect(await page.getAttribute('[data-testid="unit-status"]', 'data-status')).toBe('red');
    await page.waitForSelector('[data-testid="reasons"]');
    await page.goto(`${sut.system.apiUrl}/`);
    await page.waitForSelector('.map[data-ready="true"]');
    await page.waitForSelector('[data-testid="link-state"][data-link="live"]', { timeout: 10_000 });
  });

  it('says so within ~5 s when the live link is lost, shows tiles as stale, and recovers', async () => {
    await sut.setLiveFeedPaused(true);
    const lostAfter = await waitUntil(async () => (await page.$('[data-testid="link-lost-banner"]')) !== null, 6_000);
    expect(lostAfter).toBeLessThanOrEqual(6_000);
    expect(await page.textContent('[data-testid="link-lost-banner"]')).toMatch(
      /Mất kết nối — dữ liệu lúc \d\d:\d\d:\d\d; đang kết nối lại…/,
    );
    expect(await statusOf(target.unitCode)).toBe('stale');
    expect(await page.getAttribute('.tile[data-code="BCA"]', 'data-status')).toBe('stale');
    await page.waitForTimeout(500);
    await screenshot(page, 'wall-lost-1920x1080.png');

    await sut.setLiveFeedPaused(false);
    await waitUntil(async () => (await page.$('[data-testid="link-lost-banner"]')) === null, 10_000);
    await waitUntil(async () => (await statusOf(target.unitCode)) === 'red', 5_000);
  });

  it('reads at 3840×2160 in kiosk mode', async () => {
    const wall = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await wall.goto(wallUrl('kiosk=1'));
    await wall.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await wall.waitForSelector(`.label[data-code="${target.unitCode}"][data-status="red"]`, { timeout: 10_000 });
    // No tabs or language button on the wall itself; type scaled up with the screen.
    expect(await wall.$('nav.tabs')).toBeNull();
    expect(await wall.$('button.lang')).toBeNull();
    const rootPx = await wall.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootPx).toBeGreaterThanOrEqual(32);
    await wall.waitForTimeout(500);
    await screenshot(wall, 'wall-kiosk-3840x2160.png');
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.waitForTimeout(800);
    await screenshot(wall, 'wall-kiosk-1920x1080.png');
    await wall.close();
  });

  it('speaks English with ?lang=en and rotates views in kiosk mode with ?rotate=', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(wallUrl('kiosk=1&rotate=10&lang=en'));
    await wall.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    expect(await wall.getAttribute('html', 'lang')).toBe('en');
    expect(await wall.textContent('.wall-header')).toContain('Provinces');
    expect((await wall.textContent('[data-archipelago="hoang-sa"]'))?.trim()).toBe(
      'Hoang Sa (Paracel) Islands (Da Nang)',
    );
    expect(await wall.getAttribute('.wall', 'data-view')).toBe('map');
    await wall.waitForSelector('.wall[data-view="agencies"]', { timeout: 12_000 });
    await wall.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
