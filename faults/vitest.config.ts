import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault-injection suite (`npm run test:faults`; `FAULTS_PROFILE=long` for
 * the long version). Every test spawns real processes (nats-server, the
 * ClickHouse shim, writer, ingest, api) and kills some of them, so files run
 * one at a time and get generous timeouts.
 */
export default defineConfig({
  test: {
    name: 'faults',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['faults/test/**/*.fault.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    globalSetup: ['faults/src/report/global-summary.ts'],
  },
});
