import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A pure client-side app: the api (or any static server) serves build/ and
    // falls back to index.html so /province/01 deep links work.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    // Absolute /_app/ URLs: with an SPA fallback the same index.html is served
    // at /province/01, where relative asset paths would resolve wrongly.
    paths: { relative: false },
  },
};

export default config;
