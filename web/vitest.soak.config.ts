import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/* The wall soak (`npm run soak:wall`): real Chromium for KH02_SOAK_MINUTES (default 10) against the embedded system. */
export default defineProject({
  test: {
    name: 'web-soak',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['soak/**/*.soak.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    hookTimeout: 180_000,
  },
});
