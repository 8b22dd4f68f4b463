import { describe, expect, it } from 'vitest';
import { isClientRoute } from '../src/app.js';

describe('isClientRoute', () => {
  it('sends the wall’s own routes, including system ids with a dot, to the single page', () => {
    for (const url of ['/', '/province/79', '/agency/BCA?view=map', '/system/p01.tthc', '/tickets/T-2026-0001'])
      expect(isClientRoute(url), url).toBe(true);
  });

  it('answers missing build assets, api and socket paths with a real 404', () => {
    for (const url of [
      '/_app/immutable/entry/start.OLD.js',
      '/favicon.ico',
      '/fonts/x.woff2',
      '/app.css?v=1',
      '/api/v1/nope',
      '/socket.io/x',
    ])
      expect(isClientRoute(url), url).toBe(false);
  });
});
