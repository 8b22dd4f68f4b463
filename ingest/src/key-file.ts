import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiKeyStore } from './auth/api-keys.js';
import { createDemoKeys } from './auth/demo-keys.js';

interface RegistryForKeys {
  vendors: readonly { code: string; name: string }[];
  provinces: readonly { code: string; name: string }[];
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/**
 * Loads the API key file (hashed secrets only). In embedded demo mode, a
 * missing file is created with demo keys, and their tokens are written to a
 * separate 0600 credentials file for the simulator and the README's curl —
 * generated per machine, never committed.
 */
export async function loadOrCreateKeys(
  keysFile: string,
  opts: { createDemo: boolean; registry: RegistryForKeys },
): Promise<{ store: ApiKeyStore; tokens: Record<string, string>; created: boolean }> {
  const credentialsFile = keysFile.replace(/\.json$/, '') + '.demo-credentials.json';
  try {
    const store = ApiKeyStore.fromJson(await readJson(keysFile));
    const tokens = opts.createDemo
      ? ((await readJson(credentialsFile).catch(() => ({}))) as Record<string, string>)
      : {};
    return { store, tokens, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !opts.createDemo) throw err;
  }
  const demo = createDemoKeys(opts.registry);
  await mkdir(dirname(keysFile), { recursive: true });
  await writeFile(keysFile, JSON.stringify({ keys: demo.records }, null, 2));
  await writeFile(credentialsFile, JSON.stringify(demo.tokens, null, 2), { mode: 0o600 });
  await chmod(credentialsFile, 0o600);
  return { store: new ApiKeyStore(demo.records), tokens: demo.tokens, created: true };
}
