import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/*
 * Browser tests: the embedded system (api + ingest, no simulator) serves
 * web/build, and playwright-core drives Debian's Chromium against it.
 * globalSetup rebuilds web/ first when the build is missing or older than the sources.
 */
export default defineProject({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // One browser and one embedded system per file; files run one at a time on this 2-core box.
    fileParallelism: false,
  },
});
