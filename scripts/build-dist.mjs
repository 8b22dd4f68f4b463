#!/usr/bin/env node
// Compiles the runtime packages (schemas, platform, ingest, api, server) to
// JavaScript in <package>/dist, for production images that run `node` with
// no dev toolchain (no tsx, no TypeScript). With `--runtime <dir>`, also
// assembles the runtime tree there: the compiled packages with manifests
// pointing at dist/ (in the repository they point at src/, which tsx and vite
// read directly) and without dev dependencies, the migrations, config/, and
// a root manifest listing only these workspaces (deploy/runtime-package.json).
// `npm install --omit=dev` in that directory gives what the images run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const RUNTIME = ['schemas', 'platform', 'ingest', 'api', 'server'];
const tsc = join(root, 'node_modules/.bin/tsc');

// Declarations first (the references between the packages), then each package's JavaScript.
execFileSync(tsc, ['-b', ...RUNTIME.map((p) => join(root, p))], { stdio: 'inherit' });
for (const pkg of RUNTIME) execFileSync(tsc, ['-p', join(root, pkg, 'tsconfig.build.json')], { stdio: 'inherit' });

const at = process.argv.indexOf('--runtime');
if (at > 0) {
  const out = process.argv[at + 1];
  if (!out) throw new Error('--runtime needs a directory');
  const compiled = (target) => target.replace(/^\.\/(.*)\.ts$/, './dist/$1.js');
  for (const pkg of RUNTIME) {
    const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
    manifest.exports = Object.fromEntries(Object.entries(manifest.exports).map(([k, v]) => [k, compiled(v)]));
    delete manifest.devDependencies;
    delete manifest.scripts;
    mkdirSync(join(out, pkg), { recursive: true });
    writeFileSync(join(out, pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    cpSync(join(root, pkg, 'dist'), join(out, pkg, 'dist'), {
      recursive: true,
      filter: (src) => !src.includes('/dist/test') && !src.endsWith('.tsbuildinfo'),
    });
  }
  cpSync(join(root, 'schemas/clickhouse/migrations'), join(out, 'schemas/clickhouse/migrations'), { recursive: true });
  cpSync(join(root, 'config'), join(out, 'config'), { recursive: true });
  cpSync(join(root, 'deploy/runtime-package.json'), join(out, 'package.json'));
}
