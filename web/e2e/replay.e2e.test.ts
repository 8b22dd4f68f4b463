/*
 * The 17h00 replay in real Chromium against the real backend: colour changes
 * stored in the past (through the status history store into chDB), the replay
 * page opened at a past instant showing the past colour, the scrubber moved
 * by keyboard and by "next change" changing it, and the banner that says it is
 * not live. Screenshots at 1920×1080 and 3840×2160.
 */
import type { StatusChange, UnitStatus } from '@kh02/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, startSystem, waitUntil, type SystemUnderTest } from './support';

const MIN = 60_000;
// A window well in the past (yesterday-like): 45 minutes ending two hours ago.
const T0 = Math.floor((Date.now() - 3 * 60 * MIN) / MIN) * MIN;
const T1 = T0 + 45 * MIN;
const change = (code: string, atMs: number, from: UnitStatus, to: UnitStatus): StatusChange => ({
  at: new Date(atMs).toISOString(),
  code,
  from,
  to,
  reasons:
    to === 'red'
      ? [
          {
            indicator: 'uptime',
            status: 'red',
            value: 97.1,
            threshold: 98,
            comparator: '<',
            unit: 'pct',
            since: new Date(atMs).toISOString(),
            message: { vi: 'Uptime 97,1 %, dưới ngưỡng 98 %', en: 'Uptime 97.1 %, below the 98 % threshold' },
          },
        ]
      : [],
});

describe('17h00 replay in Chromium', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const tileStatus = (code: string) => page.getAttribute(`.tile[data-code="${code}"]`, 'data-status');
  /** A province's colour on the map, from its label. */
  const provinceStatus = (code: string) => page.getAttribute(`.label[data-code="${code}"]`, 'data-status');
  const replayUrl = (query: Record<string, string>) => {
    const params = new URLSearchParams(query);
    const token = sut.system.displayToken;
    if (token) params.set('token', token);
    return `${sut.system.apiUrl}/replay?${params.toString()}`;
  };

  beforeAll(async () => {
    sut = await startSystem();
    // The past as the store keeps it: BCA green before the window, red ten minutes in, still red at the end;
    // Hà Nội yellow five minutes in.
    const history = sut.system.api.status.history;
    history.record(
      [
        change('BCA', T0 + 10 * MIN, 'green', 'red'),
        change('01', T0 - 60 * MIN, 'noreport', 'green'),
        change('01', T0 + 5 * MIN, 'green', 'yellow'),
      ],
      [change('BCA', T0 - 90 * MIN, 'green', 'green')],
    );
    await history.flush();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('opens at a past instant with the colour the tile had then, under a banner that says it is not live', async () => {
    await page.goto(
      replayUrl({
        from: new Date(T0).toISOString(),
        to: new Date(T1).toISOString(),
        at: new Date(T0 + 20 * MIN).toISOString(),
      }),
    );
    await page.waitForSelector('[data-replay-ready="true"]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="replay-banner"]')).toContain('PHÁT LẠI — không phải trực tiếp');
    expect(await tileStatus('BCA')).toBe('red');
    // Time in state is the replay's own: ten minutes red at 20 minutes in.
    expect(await page.textContent('.tile[data-code="BCA"] [data-testid="time-in-state"]')).toContain('đỏ 10 phút');
    expect(await page.$('[data-testid="recent-changes"] li[data-code="BCA"][data-to="red"]')).not.toBeNull();
    await page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'replay-1920x1080.png');
  });

  it('changes the colour when the scrubber moves (keyboard Home, then "next change" twice)', async () => {
    await page.focus('[data-testid="replay-range"]');
    await page.keyboard.press('Home');
    await waitUntil(async () => (await tileStatus('BCA')) === 'green', 5_000);
    expect(await provinceStatus('01')).toBe('green');
    await page.getByRole('button', { name: 'Thay đổi sau' }).click();
    await waitUntil(async () => (await provinceStatus('01')) === 'yellow', 5_000);
    expect(await tileStatus('BCA')).toBe('green');
    await page.getByRole('button', { name: 'Thay đổi sau' }).click();
    await waitUntil(async () => (await tileStatus('BCA')) === 'red', 5_000);
    expect(await page.getAttribute('[data-testid="replay-range"]', 'aria-valuetext')).toMatch(/^\d\d:\d\d:\d\d /);
  });

  it('plays forward at the chosen speed and stops at the end of the window', async () => {
    await page.focus('[data-testid="replay-range"]');
    await page.keyboard.press('Home');
    await page.selectOption('[data-testid="replay-speed"]', '300');
    await page.click('[data-testid="replay-play"]');
    await waitUntil(async () => (await tileStatus('BCA')) === 'red', 15_000);
    await waitUntil(
      async () => (await page.getAttribute('[data-testid="replay-play"]', 'aria-pressed')) === 'false',
      15_000,
    );
    expect(await page.inputValue('[data-testid="replay-range"]')).toBe(String(T1));
  });

  it('reads at 3840×2160 in English', async () => {
    const big = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    big.on('pageerror', (e) => pageErrors.push(e.message));
    await big.goto(
      replayUrl({
        from: new Date(T0).toISOString(),
        to: new Date(T1).toISOString(),
        at: new Date(T0 + 30 * MIN).toISOString(),
        lang: 'en',
      }),
    );
    await big.waitForSelector('[data-replay-ready="true"]', { timeout: 15_000 });
    expect(await big.textContent('[data-testid="replay-banner"]')).toContain('REPLAY — not live');
    expect(await big.getAttribute('.tile[data-code="BCA"]', 'data-status')).toBe('red');
    await big.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await big.waitForTimeout(500);
    await screenshot(big, 'replay-3840x2160.png');
    await big.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
