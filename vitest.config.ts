import { defineConfig } from 'vitest/config';

/**
 * One vitest run for every package. `forks` because chDB must live on a
 * process's main thread (it segfaults in worker threads) and each test file
 * owns its own embedded data directory.
 */
const serverProject = (name: string, extra: Record<string, unknown> = {}) => ({
  test: {
    name,
    include: [`${name}/src/**/*.test.ts`, `${name}/test/**/*.test.ts`],
    pool: 'forks' as const,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...extra,
  },
});

export default defineConfig({
  test: {
    projects: [
      serverProject('schemas'),
      serverProject('platform'),
      serverProject('ingest'),
      serverProject('api'),
      serverProject('load'),
      // Ops: compose/env validation and every Grafana panel's SQL on the real engine.
      serverProject('grafana'),
      serverProject('deploy'),
      // The wall: jsdom component/logic tests, and real-Chromium tests against the built app.
      'web/vitest.config.ts',
      'web/vitest.e2e.config.ts',
      // Fault injection spawns and kills real processes (minutes): only with FAULTS=1, or `npm run test:faults`.
      ...(process.env.FAULTS === '1' ? ['faults/vitest.config.ts'] : []),
    ],
  },
});
