import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// `npm run dev` proxies the api (REST + socket.io) so the browser sees one origin, as in production.
const API = process.env.KH02_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: true },
      '/socket.io': { target: API, ws: true, changeOrigin: true },
    },
  },
  ssr: {
    // Kit's build-time analysis imports the server bundle from web/.svelte-kit, where a bare
    // `cookie` resolves to the repo root's cookie@2 (hoisted for fastify) instead of kit's own
    // cookie@0.6. Bundling it resolves from kit's files and picks kit's copy.
    noExternal: ['cookie'],
  },
  build: {
    // maplibre is ~800 KB minified on its own; the wall loads it once and keeps it.
    chunkSizeWarningLimit: 1200,
  },
});
