import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import {
  DEFAULT_HTTP_TIMEOUTS,
  httpServerTimeouts,
  installErrorHandlers,
  recordRoutes,
  installStrictJsonParser,
  sendError,
  exposition,
  type HttpTimeouts,
  type MetricsRegistry,
} from '@kh02/platform';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { PullSourceState } from '@kh02/schemas';
import { registerAuditRoutes } from './audit/routes.js';
import type { ExportAudit } from './audit/export-audit.js';
import type { AccountService } from './auth/accounts.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerIncidentRoutes } from './incidents/routes.js';
import { registerMaintenanceRoutes } from './maintenance/routes.js';
import type { MaintenanceService } from './maintenance/maintenance-service.js';
import { registerReportRoutes, type ReportRouteDeps } from './reports/index.js';
import { registerSourceRoutes } from './sources/index.js';
import { registerReadRoutes, type ReadDeps } from './routes/read-routes.js';
import { registerReplayRoutes } from './routes/replay-routes.js';
import { installSecurity } from './security.js';
import type { ContactService } from './people/contacts.js';
import { registerPeopleRoutes } from './people/routes.js';
import { registerTicketRoutes, type TicketRouteDeps } from './tickets/routes.js';
import { registerVendorRoutes } from './vendors/index.js';
import { registerTaskRoutes } from './tasks/routes.js';
import type { TaskService } from './tasks/task-service.js';

export interface ApiAppDeps extends ReadDeps {
  /** The built wall (SvelteKit static build); served at / when present. */
  webDir?: string;
  readinessChecks: Record<string, () => boolean | Promise<boolean>>;
  records: Omit<TicketRouteDeps, 'now' | 'redEpisodes'> & {
    accounts: AccountService;
    exportAudit: ExportAudit;
    contacts: ContactService;
    maintenance: MaintenanceService;
    /** Plan 02 tasks; absent in tests that do not need them. */
    tasks?: TaskService;
  };
  /** Notification inbox, preferences and duty roster routes; absent in tests that do not need them. */
  extraRoutes?: (app: FastifyInstance) => void;
  /** Red spells of wall units since a time, for the "% red routed within 24 h" KPI. */
  redEpisodes: TicketRouteDeps['redEpisodes'];
  security: { corsOrigins: string[]; authReads: boolean };
  /** Daily/weekly report (Phụ lục VII) routes; absent in tests that do not need them. */
  reports?: ReportRouteDeps;
  isWorkingDay: (localDate: string) => boolean;
  httpTimeouts?: HttpTimeouts;
  /** The process's Prometheus registry, served at /metrics. */
  metrics: MetricsRegistry;
  /** Daily-report pulls from vendor endpoints, shown on the sources panel (absent when none is configured). */
  pullStates?: () => PullSourceState[];
}

/** The read API (+ the wall's static files). socket.io is attached to `app.server` by the caller. */
export async function buildApiApp(deps: ApiAppDeps, logger: Logger): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    ...httpServerTimeouts(deps.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS),
  });
  const webDir = deps.webDir ? resolve(deps.webDir) : undefined;
  const serveWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  installErrorHandlers(app, { notFound: !serveWeb });
  installStrictJsonParser(app);
  recordRoutes(app);
  await installSecurity(app, { accounts: deps.records.accounts, ...deps.security });
  registerReadRoutes(app, deps);
  registerReplayRoutes(app, { ...deps, flushHistory: () => deps.history.flush() });
  registerAuthRoutes(app, { accounts: deps.records.accounts, registry: deps.registry });
  registerTicketRoutes(app, { ...deps.records, now: deps.now, redEpisodes: deps.redEpisodes });
  if (deps.records.tasks) registerTaskRoutes(app, { tasks: deps.records.tasks, accounts: deps.records.accounts });
  registerPeopleRoutes(app, {
    accounts: deps.records.accounts,
    contacts: deps.records.contacts,
    registry: deps.registry,
  });
  deps.extraRoutes?.(app);
  registerAuditRoutes(app, { accounts: deps.records.accounts, clickhouse: deps.clickhouse, database: deps.database });
  registerIncidentRoutes(app, { accounts: deps.records.accounts, engine: deps.engine, now: deps.now });
  registerMaintenanceRoutes(app, { accounts: deps.records.accounts, maintenance: deps.records.maintenance });
  if (deps.reports)
    registerReportRoutes(app, {
      ...deps.reports,
      accounts: deps.records.accounts,
      exportAudit: deps.records.exportAudit,
    });
  registerSourceRoutes(app, {
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry: deps.registry,
    now: deps.now,
    isWorkingDay: deps.isWorkingDay,
    ...(deps.pullStates ? { pullStates: deps.pullStates } : {}),
  });

  registerVendorRoutes(app, {
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry: deps.registry,
    accounts: deps.records.accounts,
    system: (id) => deps.engine.child(id),
    tickets: () => deps.records.tickets.allViews(deps.now()),
    reportDueLocal: deps.engine.thresholds().dailyReport.dueLocal,
    now: deps.now,
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
  });
  app.get('/metrics', async (_req, reply) => {
    const { contentType, body } = await exposition(deps.metrics);
    return reply.type(contentType).send(body);
  });
  app.get('/health', (_req, reply) => reply.send({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(deps.readinessChecks)) checks[name] = await check();
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  if (serveWeb && webDir) {
    // Files are looked up per request (wildcard), so a rebuilt web/ is served without a restart.
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: ['index.html'] });
    // Client-side routes (/province/79, /agency/BCA…) all load the single-page wall.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && isClientRoute(req.url)) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return sendError(reply, 'NOT_FOUND');
    });
  }
  return app;
}

const ASSET_EXTENSION = /\.(?:m?js|css|map|png|jpe?g|svg|ico|webp|woff2?|ttf|json|webmanifest|txt|wasm)$/i;

/**
 * A path the single-page wall routes itself. A missing asset (`/_app/…`, or
 * a file type the build ships) is a real 404: answering it with the page's
 * HTML makes a browser that holds an older build fail on a MIME error
 * instead of reloading, and hides broken deploys.
 */
export function isClientRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/socket.io') || path.startsWith('/_app/')) return false;
  // Not "any extension": system ids look like `p01.tthc`.
  return !ASSET_EXTENSION.test(path);
}
