import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@kh02/platform/local';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * The package rule of `npm run lint` (.dependency-cruiser.cjs), run on small
 * repositories laid out like this one: each deliberate violation must be
 * reported by its rule, and the clean layout must pass.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = join(REPO, 'node_modules/.bin/depcruise');

let dirs: { remove: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const d of dirs) await d.remove();
  dirs = [];
});

async function repoWith(files: Record<string, string>, links: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir('depcruise');
  dirs.push(dir);
  copyFileSync(join(REPO, '.dependency-cruiser.cjs'), join(dir.path, '.dependency-cruiser.cjs'));
  copyFileSync(join(REPO, 'tsconfig.depcruise.json'), join(dir.path, 'tsconfig.depcruise.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir.path, path)), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir.path, 'node_modules', name)), { recursive: true });
    symlinkSync(join(dir.path, target), join(dir.path, 'node_modules', name));
  }
  return dir.path;
}

function cruise(cwd: string): { status: number | null; out: string } {
  const folders = ['schemas', 'platform', 'ingest', 'api'].filter((f) => existsSync(join(cwd, f)));
  const res = spawnSync(DEPCRUISE, [...folders, '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

const manifest = (name: string) => JSON.stringify({ name, type: 'module', exports: { '.': './src/index.ts' } });

describe('the package dependency rule', () => {
  it('passes a layout where each package imports only the packages below it, by name', async () => {
    const cwd = await repoWith(
      {
        'schemas/package.json': manifest('@kh02/schemas'),
        'schemas/src/index.ts': 'export const unit = 1;\n',
        'platform/package.json': manifest('@kh02/platform'),
        'platform/src/index.ts': "import { unit } from '@kh02/schemas';\nexport const bus = unit;\n",
        'api/src/index.ts': "import { bus } from '@kh02/platform';\nexport const api = bus;\n",
      },
      { '@kh02/schemas': 'schemas', '@kh02/platform': 'platform' },
    );
    const r = cruise(cwd);
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });

  it('fails on a relative import into another package, an import against the direction, test code in src, and a cycle', async () => {
    const cwd = await repoWith(
      {
        'schemas/package.json': manifest('@kh02/schemas'),
        'schemas/src/index.ts': "import { bus } from '@kh02/platform';\nexport const unit = bus;\n",
        'platform/package.json': manifest('@kh02/platform'),
        'platform/src/index.ts': "export { a } from './a.js';\nexport const bus = 2;\n",
        'platform/src/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
        'platform/src/b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
        'ingest/src/app.ts': 'export const app = 3;\n',
        'ingest/src/writer.ts': "import { helper } from '../test/helper.js';\nexport const w = helper;\n",
        'ingest/test/helper.ts': 'export const helper = 4;\n',
        'api/src/index.ts': "import { app } from '../../ingest/src/app.js';\nexport const api = app;\n",
      },
      { '@kh02/schemas': 'schemas', '@kh02/platform': 'platform' },
    );
    const r = cruise(cwd);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/no-cross-package-relative-import: api\/src\/index\.ts → ingest\/src\/app\.ts/);
    expect(r.out).toMatch(/package-direction-api: api\/src\/index\.ts → ingest\/src\/app\.ts/);
    expect(r.out).toMatch(/package-direction-schemas: schemas\/src\/index\.ts → platform\/src\/index\.ts/);
    expect(r.out).toMatch(/no-test-code-in-src: ingest\/src\/writer\.ts → ingest\/test\/helper\.ts/);
    // The err reporter names a cycle by its first module.
    expect(r.out).toMatch(/no-runtime-cycle: platform\/src\/(a|b)\.ts/);
  });
});
