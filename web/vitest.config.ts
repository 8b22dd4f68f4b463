import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineProject } from 'vitest/config';

/*
 * Component and logic tests in jsdom. Uses the plain Svelte plugin, not the
 * SvelteKit one: kit reads its config from process.cwd(), which is the repo
 * root when the root vitest runs this project. Tested components therefore
 * import only `$app/paths` (aliased to a tiny resolve()), never navigation.
 */
export default defineProject({
  plugins: [svelte(), svelteTesting()],
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
      '$app/paths': fileURLToPath(new URL('./test/support/app-paths.ts', import.meta.url)),
    },
  },
  test: {
    name: 'unit-web',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
