/*
 * Soak run (not part of `npm test`: it takes as long as you ask): the kiosk
 * rotating every 10 s under a fast simulator must keep a flat heap, DOM and
 * listener count from one rotation cycle to the next. Measured after a forced
 * GC; every cycle's figures are printed.
 *   KH02_SOAK_MINUTES=60 npm run soak:wall
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedSystem } from '@kh02/server';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, launchChromium, WEB_DIR } from '../e2e/support';

const minutes = Number(process.env.KH02_SOAK_MINUTES ?? 10);

describe('wall soak', () => {
  it(
    `stays flat over ${minutes} min of kiosk rotation`,
    async () => {
      process.chdir(join(WEB_DIR, '..'));
      const dataDir = mkdtempSync(join(tmpdir(), 'kh02-soak-'));
      const system = await startEmbeddedSystem({
        dataDir,
        apiPort: 0,
        ingestPort: 0,
        simulator: true,
        webDir: BUILD_DIR,
        env: { ...process.env, SIMULATOR_SAMPLE_EVERY_MS: '2000' },
      });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
        await page.goto(`${system.apiUrl}/?kiosk=1&rotate=10&token=${system.displayToken ?? ''}`);
        await page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        // Sample in the map view, once per 40 s rotation cycle (4 views × 10 s).
        const samples: { heap: number; nodes: number; listeners: number }[] = [];
        // At least 3: cycle 1 warms up, so cycle 2 is compared with a later one, never with itself.
        const cycles = Math.max(3, Math.floor((minutes * 60) / 40));
        for (let i = 0; i < cycles; i++) {
          await page.waitForSelector('.wall[data-view="map"]', { timeout: 45_000 });
          await page.waitForTimeout(3_000);
          await cdp.send('HeapProfiler.collectGarbage');
          const { metrics } = await cdp.send('Performance.getMetrics');
          const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
          samples.push({ heap: m.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0 });
          const s = samples.at(-1);
          process.stdout.write(
            `soak cycle ${i + 1}/${cycles}: heap ${((s?.heap ?? 0) / 1e6).toFixed(1)} MB, DOM nodes ${s?.nodes}, listeners ${s?.listeners}\n`,
          );
          await page.waitForSelector('.wall[data-view="agencies"]', { timeout: 45_000 });
        }
        const [first, last] = [samples[1]!, samples.at(-1)!];
        process.stdout.write(
          `soak ${minutes} min: heap ${(first.heap / 1e6).toFixed(1)} → ${(last.heap / 1e6).toFixed(1)} MB (×${(last.heap / first.heap).toFixed(3)}), ` +
            `nodes ${first.nodes} → ${last.nodes}, listeners ${first.listeners} → ${last.listeners}\n`,
        );
        expect(last.nodes).toBeLessThanOrEqual(first.nodes * 1.05);
        expect(last.listeners).toBeLessThanOrEqual(first.listeners + 20);
        expect(last.heap).toBeLessThanOrEqual(first.heap + 5e6);
      } finally {
        await browser.close();
        await system.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    (minutes + 2) * 60_000,
  );
});
