import type { FastifyInstance } from 'fastify';

export interface RouteSummary {
  method: string;
  url: string;
  /** Declared `config.public`: answers without a session. */
  public: boolean;
}

/**
 * Records every route as it is registered, so access rules can be checked
 * against the whole surface (a test walks it with every role) and the list
 * can be printed for operators. Call before any route is added.
 */
export function recordRoutes(app: FastifyInstance): RouteSummary[] {
  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const config = (r.config ?? {}) as { public?: unknown };
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: r.url, public: config.public === true });
    }
  });
  app.decorate('routeTable', routes);
  return routes;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered (see recordRoutes). */
    routeTable: RouteSummary[];
  }
}
