import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDemoKeys } from '@kh02/ingest';
import { defaultRegistry } from '@kh02/schemas/registry';

/**
 * One key per vendor and per province counter (the demo shape), with a rate
 * limit far above the fault load: a fault run measures loss, not throttling.
 * Written before ingest starts, which only reads the file in distributed mode.
 */
export async function writeFaultKeys(dataDir: string): Promise<{ keysFile: string; tokens: Record<string, string> }> {
  const demo = createDemoKeys(defaultRegistry(), { ratePerSec: 100_000, burst: 1_000_000 });
  const keysFile = join(dataDir, 'api-keys.json');
  await writeFile(keysFile, JSON.stringify({ keys: demo.records }, null, 2), { mode: 0o600 });
  return { keysFile, tokens: demo.tokens };
}
