/*
 * The wall as the room sees it, in real Chromium against the real backend
 * (no simulator): a silent start shows nothing green; a new red lands at the
 * top of the change list and says why on its tile; and every wall view, at
 * 1920×1080 and 3840×2160, keeps all its text at the minimum size (14 px and
 * 28 px), uncut, with no map label hiding another. Screenshots of each view
 * at both resolutions go to test-artifacts/.
 */
import { randomUUID } from 'node:crypto';
import { defaultRegistry } from '@kh02/schemas/registry';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, postHealthSample, screenshot, startSystem, waitUntil, type SystemUnderTest } from './support';
import { overlappingLabels, probeTexts } from './wall-room-probes';

const registry = defaultRegistry();
const provinceSystem = registry.systemsOfVendor('VNPT').find((s) => /^\d{2}$/.test(s.unitCode));
const agencySystem = registry.systemsOfVendor('VNPT').find((s) => registry.kindOf(s.unitCode) === 'agency');
if (!provinceSystem || !agencySystem) throw new Error('the registry lacks a province or an agency system');

const VIEWS = ['map', 'agencies', 'rankings', 'briefing'] as const;
const RESOLUTIONS = [
  { width: 1920, height: 1080, minPx: 14 },
  { width: 3840, height: 2160, minPx: 28 },
] as const;

describe('the wall for the room (Chromium)', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;

  const wallUrl = (query = '') => {
    const params = new URLSearchParams(query);
    const token = sut.system.displayToken;
    if (token) params.set('token', token);
    return `${sut.system.apiUrl}/?${params.toString()}`;
  };
  const redSample = (system: { id: string; unitCode: string }) => ({
    event_id: `room-${randomUUID()}`,
    vendor: 'VNPT',
    system_id: system.id,
    unit_code: system.unitCode,
    observed_at: new Date().toISOString(),
    uptime_pct: 99.9,
    cpu_pct: 99,
    ram_pct: 50,
    net_in_bps: 1e6,
    net_out_bps: 1e6,
    alerts: [],
  });

  beforeAll(async () => {
    sut = await startSystem();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(wallUrl());
    await page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="link-state"][data-link="live"]', { timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('shows no green province or agency and no fresh-data claim when no source has sent anything', async () => {
    await page.waitForSelector('.tile[data-code]');
    const greens = await page.$$eval('.label[data-status="green"], .tile[data-status="green"]', (els) => els.length);
    expect(greens).toBe(0);
    expect(await page.getAttribute('[data-testid="link-state"]', 'data-fresh')).toBe('false');
    await screenshot(page, 'room-silent-1920x1080.png');
  });

  it('lists new colour changes newest first and writes the reason on the tile', async () => {
    const listed = (code: string) => page.$(`[data-testid="recent-changes"] li[data-code="${code}"]`);
    for (const s of [provinceSystem, agencySystem]) {
      const res = await postHealthSample(sut.system, 'vendor-vnpt', redSample(s));
      expect(res.status, await res.clone().text()).toBe(202);
      await waitUntil(async () => (await listed(s.unitCode)) !== null, 5_000);
    }
    const order = await page.$$eval('[data-testid="recent-changes"] li', (els) => els.map((e) => e.dataset.code));
    expect(order.slice(0, 2)).toEqual([agencySystem.unitCode, provinceSystem.unitCode]);
    const reason = await page.textContent(`.tile[data-code="${agencySystem.unitCode}"] [data-testid="tile-reason"]`);
    expect(reason).toMatch(/CPU 99/);
    expect(await page.getAttribute(`.label[data-code="${provinceSystem.unitCode}"]`, 'data-status')).toBe('red');
    await screenshot(page, 'room-changes-1920x1080.png');
  });

  for (const res of RESOLUTIONS) {
    for (const kiosk of [false, true]) {
      const mode = kiosk ? 'kiosk' : 'desk';
      it(`keeps every text at ≥ ${res.minPx} px, uncut, on all four views at ${res.width}×${res.height} (${mode})`, async () => {
        const wall = await browser.newPage({ viewport: { width: res.width, height: res.height } });
        try {
          const found: Record<string, unknown> = {};
          for (const view of VIEWS) {
            await wall.goto(wallUrl(kiosk ? `kiosk=1&view=${view}` : `view=${view}`));
            await wall.waitForSelector(`.wall[data-view="${view}"]`, { timeout: 30_000 });
            if (view === 'map') await wall.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
            await wall.waitForSelector('.tile[data-code], .label[data-code], [data-testid]');
            await wall.waitForTimeout(800); // fonts, fit-to-height and the label layout settle
            const { small, cut } = await probeTexts(wall, res.minPx);
            if (small.length > 0) found[`${view} small`] = small;
            if (cut.length > 0) found[`${view} cut`] = cut;
            await screenshot(wall, `room-${view}-${mode}-${res.width}x${res.height}.png`);
          }
          expect(found).toEqual({});
        } finally {
          await wall.close();
        }
      });
    }

    it(`lets no province label overlap another at ${res.width}×${res.height}`, async () => {
      const wall = await browser.newPage({ viewport: { width: res.width, height: res.height } });
      try {
        await wall.goto(wallUrl('kiosk=1'));
        await wall.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
        await wall.waitForTimeout(800);
        expect(await wall.$$eval('.label[data-code]', (els) => els.length)).toBe(34);
        expect(await overlappingLabels(wall)).toEqual([]);
      } finally {
        await wall.close();
      }
    });
  }
});
