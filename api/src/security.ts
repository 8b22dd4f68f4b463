import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from './auth/accounts.js';
import { authenticateOr401 } from './auth/auth-hooks.js';

/**
 * HTTP hardening for the api and the wall: security headers with a CSP that
 * allows only this origin (the wall is fully offline: no CDN, no tile server),
 * CORS only for listed origins, and — unless turned off — a session for every
 * read, so the wall runs on a read-only display token.
 */
export async function installSecurity(
  app: FastifyInstance,
  opts: { accounts: AccountService; corsOrigins: string[]; authReads: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // SvelteKit's static entry bootstraps with a small inline script.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // MapLibre runs its tile worker from a blob URL.
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, { origin: opts.corsOrigins.length > 0 ? opts.corsOrigins : false, credentials: false });
  if (!opts.authReads) return;
  // Decided on the route the router matched (after percent-decoding), never on the raw URL:
  // `/%61pi/v1/wall` reaches the same handler as `/api/v1/wall` and must need the same session.
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined || !route.startsWith('/api/') || request.routeOptions.config.public === true) return;
    await authenticateOr401(request, reply, opts.accounts, {
      vi: 'Cần đăng nhập hoặc mã hiển thị (display token).',
      en: 'Sign-in or a display token is required.',
    });
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in itself). */
    public?: boolean;
  }
}
