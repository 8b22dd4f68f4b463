import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDemoKeys } from '@kh02/ingest';
import { loadRegistry } from '@kh02/platform';

export interface LoadKeyFiles {
  keysFile: string;
  tokensFile: string;
  tokens: Record<string, string>;
}

/**
 * Writes demo-shaped keys (vendor-*, counter-pNN) with load-test rate limits
 * into `<dataDir>/api-keys.json` (+ the tokens file). Must run BEFORE the
 * system starts: it only generates keys when the file is missing, and the
 * demo keys' 500 req/s per key would turn a 10× rehearsal into 429s.
 */
export async function writeLoadKeys(
  dataDir: string,
  limits: { ratePerSec: number; burst: number } = { ratePerSec: 100_000, burst: 1_000_000 },
): Promise<LoadKeyFiles> {
  const registry = await loadRegistry(process.env.REGISTRY_OVERRIDE_FILE);
  const demo = createDemoKeys(registry, limits);
  await mkdir(dataDir, { recursive: true });
  const keysFile = join(dataDir, 'api-keys.json');
  const tokensFile = join(dataDir, 'api-keys.demo-credentials.json');
  await writeFile(keysFile, JSON.stringify({ keys: demo.records }, null, 2));
  await writeFile(tokensFile, JSON.stringify(demo.tokens, null, 2), { mode: 0o600 });
  await chmod(tokensFile, 0o600);
  return { keysFile, tokensFile, tokens: demo.tokens };
}
