import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '@kh02/platform/local';
import { oracleProblems } from '../src/oracle/oracle.js';
import { finishFaultRun, startFaultRun } from '../src/fault-run.js';
import { sleep } from '../src/harness/quiescence.js';
import { CuttableProxy } from '../src/harness/tcp-proxy.js';
import { PROFILE } from '../src/profile.js';
import { displayToken } from '../src/wall/display-login.js';
import { WallMirror } from '../src/wall/wall-mirror.js';

/** Waits until every mirror is at the same sequence and nothing has moved for `quietMs`. */
async function settle(mirrors: WallMirror[], quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let key = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = mirrors.map((m) => m.lastSeq).join(',');
    const aligned = new Set(mirrors.map((m) => m.lastSeq)).size === 1;
    if (now !== key || !aligned) {
      key = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await sleep(100);
  }
  throw new Error(`wall mirrors did not settle: seqs ${mirrors.map((m) => m.lastSeq).join(', ')}`);
}

describe('F3: the wall live link is cut and restored', () => {
  it('a wall that lost its link converges to the same state as one that never did, and as a fresh one', async () => {
    // Number-only changes are flushed every second instead of five, so a short run sees many diffs.
    const run = await startFaultRun('wall-link', { withApi: true, env: { LIVE_ROUTINE_FLUSH_MS: '1000' } });
    const apiUrl = run.stack.apiUrl ?? '';
    const proxy = await CuttableProxy.start(await freePort(), Number(new URL(apiUrl).port));
    const token = await displayToken(apiUrl, run.stack.dataDir);
    const cutWall = new WallMirror(proxy.url, token);
    const steadyWall = new WallMirror(apiUrl, token);
    let freshWall: WallMirror | undefined;
    try {
      await Promise.all([cutWall.ready(), steadyWall.ready()]);
      run.load.start();
      await sleep(PROFILE.warmupMs);
      const seqAtCut = cutWall.lastSeq ?? 0;
      await proxy.cut();
      await sleep(PROFILE.wallCutMs);
      const missedWhileCut = (steadyWall.lastSeq ?? 0) - seqAtCut;
      await proxy.restore();
      await sleep(PROFILE.cooldownMs);
      const report = await finishFaultRun(run, async () => {
        await settle([cutWall, steadyWall], 3_000, 60_000);
        freshWall = new WallMirror(apiUrl, token);
        await freshWall.ready();
        // The three states, for a diff when they disagree.
        for (const [name, wall] of Object.entries({ cut: cutWall, steady: steadyWall, fresh: freshWall })) {
          await writeFile(
            join(run.stack.artifacts, `wall-${name}.json`),
            JSON.stringify(JSON.parse(wall.state()), null, 1),
          );
        }
        return {
          cutMs: PROFILE.wallCutMs,
          diffsMissedWhileCut: missedWhileCut,
          cutWall: {
            connects: cutWall.connects,
            modes: cutWall.subscribeModes,
            gaps: cutWall.gaps,
            seq: cutWall.lastSeq,
          },
          steadyWall: { connects: steadyWall.connects, seq: steadyWall.lastSeq },
          freshWallSeq: freshWall.lastSeq,
          tiles: steadyWall.tiles.size,
          cutVersusSteady: cutWall.differences(steadyWall),
          freshColoursEqualSteady: freshWall.colours() === steadyWall.colours(),
          freshVersusSteady: freshWall.differences(steadyWall),
        };
      });
      expect(missedWhileCut).toBeGreaterThan(0);
      expect(cutWall.connects).toBeGreaterThanOrEqual(2);
      // Within the 2-minute resume window the missed diffs are replayed; beyond it a snapshot is sent.
      expect(cutWall.subscribeModes.at(-1)).toBe(PROFILE.wallCutMs < 120_000 ? 'replayed' : 'snapshot');
      expect(steadyWall.connects).toBe(1);
      // The wall that lost its link holds exactly what the one that never did holds.
      expect(cutWall.lastSeq).toBe(steadyWall.lastSeq);
      expect(cutWall.differences(steadyWall)).toEqual([]);
      // A wall opened now, at the same sequence, shows the same colours…
      expect(freshWall?.lastSeq).toBe(steadyWall.lastSeq);
      expect(freshWall?.colours()).toBe(steadyWall.colours());
      // …and the same tiles, word for word (reasons' text, data_as_of).
      expect(freshWall?.differences(steadyWall)).toEqual([]);
      expect(report.unexpectedExits).toEqual([]);
      expect(oracleProblems(report.oracle)).toEqual([]);
    } finally {
      for (const w of [cutWall, steadyWall, freshWall]) w?.close();
      await proxy.cut();
      await run.stack.stop();
    }
  });
});
