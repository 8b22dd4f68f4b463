import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or image) root: the nearest directory above `fromUrl` whose
 * package.json declares workspaces. Shipped files (config/, the built wall)
 * resolve from it, whatever the working directory and whether the code runs
 * from src/ (tsx) or from a compiled dist/.
 */
export function repoRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no workspace root above ${fromUrl}`);
    dir = parent;
  }
}
