import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: services run there so they find ./config like `npm start` does. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The real entry points, run as separate processes exactly as in distributed mode. */
export const ENTRY = {
  ingest: 'server/src/main/ingest-main.ts',
  writer: 'server/src/main/writer-main.ts',
  api: 'server/src/main/api-main.ts',
  clickhouse: 'platform/src/local/clickhouse-shim-main.ts',
} as const;

/** `test-artifacts/faults/<name>`, emptied first: logs, the 2xx log and the verdict of one fault run. */
export async function artifactsDir(name: string): Promise<string> {
  const dir = join(REPO_ROOT, 'test-artifacts', 'faults', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}
