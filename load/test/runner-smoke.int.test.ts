import { startEmbeddedSystem, type EmbeddedSystem } from '@kh02/server';
import { createLogger } from '@kh02/platform';
import { makeTempDir } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPlan, wallPlan } from '../scenarios/index.js';
import { runWallFanout } from '../src/fanout/wall-fanout.js';
import { writeLoadKeys } from '../src/keys/load-keys.js';
import { displayToken } from '../src/probe/wall-session.js';
import { runIngestScenario } from '../src/runner/run-ingest.js';

let dir: { path: string; remove: () => Promise<void> };
let system: EmbeddedSystem;
let tokens: Record<string, string>;

beforeAll(async () => {
  dir = await makeTempDir('load-smoke');
  ({ tokens } = await writeLoadKeys(dir.path));
  system = await startEmbeddedSystem({
    dataDir: dir.path,
    apiPort: 0,
    ingestPort: 0,
    simulator: false,
    logger: createLogger('load-smoke', 'silent'),
    // The probe flips a tile red; a fresh catalogue's overdue Plan 02 tasks would hold every unit red already.
    env: { ...process.env, TASK_PROGRESS_COLOURS: 'false' },
  });
});
afterAll(async () => {
  await system?.stop();
  await dir?.remove();
});

describe('Node runner against the real embedded system (2-second smoke)', () => {
  it('steady-day at 5 %: every request accepted, thresholds evaluated', async () => {
    const plan = ingestPlan('steady-day', { SCALE: '0.05', DURATION: '2s' });
    const result = await runIngestScenario(plan, { ingestUrl: system.ingestUrl, tokens, runId: 'smoke1' });
    expect(result.requests.sent).toBe(100);
    expect(result.requests.byStatus).toEqual({ 202: 100 });
    expect(result.events.accepted).toBe(100);
    expect(result.thresholds.find((t) => t.metric === 'http_req_failed')?.ok).toBe(true);
  });

  it('wall fan-out with 5 walls sees the probe flip tiles', async () => {
    const plan = { ...wallPlan('wall-fanout', { SCALE: '0.005', DURATION: '2s' }), connectOverSec: 0.2 };
    const result = await runWallFanout(plan, {
      apiUrl: system.apiUrl,
      ingestUrl: system.ingestUrl,
      tokens,
      runId: 'smoke2',
      wallToken: await displayToken(system.apiUrl, `${dir.path}/demo-accounts.json`),
    });
    expect(result.clientsSubscribed).toBe(5);
    expect(result.probe.accepted).toBeGreaterThan(0);
    expect(result.probe.postToTileMs.count).toBeGreaterThan(0);
    expect(result.diffsDelivered).toBeGreaterThan(0);
  });
});
