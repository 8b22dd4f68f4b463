import { join } from 'node:path';
import { exited, nextMessage, spawnTs, type ChildMessage } from './child-process.js';
import type { RunCount } from './count-child.js';

export interface StoredCount {
  rows: number;
  uniqueIds: number;
}

/** Rows and distinct event ids stored per run id, read from a stopped system's data directory. */
export async function storedCounts(dataDir: string): Promise<Map<string, StoredCount>> {
  const child = spawnTs('load/src/bench/count-child.ts', [join(dataDir, 'chdb')]);
  const { counts } = await nextMessage<ChildMessage & { counts: RunCount[] }>(child, 'counts', 120_000);
  await exited(child);
  const byRun = new Map<string, StoredCount>();
  for (const c of counts) {
    const prev = byRun.get(c.run) ?? { rows: 0, uniqueIds: 0 };
    byRun.set(c.run, { rows: prev.rows + c.rows, uniqueIds: prev.uniqueIds + c.uniqueIds });
  }
  return byRun;
}
