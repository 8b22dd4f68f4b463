import { defineConfig } from 'vitest/config';

/**
 * One vitest run for every package, in three tiers chosen by file name:
 * - unit (`*.test.ts` under a package's test/): no engine, no server, seconds;
 * - int (`*.int.test.ts`): the real ClickHouse engine (chDB), a real
 *   nats-server, Chromium for PDFs, the whole system in-process;
 * - e2e (`web/e2e/*.e2e.test.ts`): the wall in real Chromium.
 * `npm run test:unit | test:int | test:e2e` selects one; `npm test` runs all.
 * `forks`, because chDB lives on a process's main thread and each test file
 * owns its own embedded data directory.
 */
const PACKAGES = ['schemas', 'platform', 'ingest', 'api', 'server', 'load', 'grafana', 'deploy'];

const serverTier = (name: 'unit' | 'int', include: string[], exclude: string[] = []) => ({
  test: {
    name,
    include,
    exclude: ['**/node_modules/**', '**/dist/**', ...exclude],
    pool: 'forks' as const,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: PACKAGES.map((p) => `${p}/src/**`).concat(['web/src/**']),
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
    projects: [
      serverTier(
        'unit',
        PACKAGES.map((p) => `${p}/test/**/*.test.ts`),
        ['**/*.int.test.ts'],
      ),
      serverTier(
        'int',
        PACKAGES.map((p) => `${p}/test/**/*.int.test.ts`),
      ),
      // The wall: jsdom component and logic tests (unit tier), and real-Chromium tests against the built app.
      'web/vitest.config.ts',
      'web/vitest.e2e.config.ts',
      // Fault injection spawns and kills real processes (minutes): only with FAULTS=1, or `npm run test:faults`.
      ...(process.env.FAULTS === '1' ? ['faults/vitest.config.ts'] : []),
    ],
  },
});
