#!/usr/bin/env node
// `npm start`: build the wall if its static files are missing or older than
// its sources, then run the whole system in one process (embedded mode).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/build/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(built) || statSync(built).mtimeMs < newestMtime(join(root, 'web/src'));
if (stale) {
  console.log('Đang dựng giao diện tường giám sát… / Building the wall UI…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@kh02/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/src/main/embedded-main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { LOG_PRETTY: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
