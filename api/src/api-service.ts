import { readFile } from 'node:fs/promises';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Bus, Logger } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { buildApiApp } from './app.js';
import { DEFAULT_LIVE_OPTIONS } from './live/live-hub.js';
import type { ApiEnv } from './env.js';
import { defaultSlaPolicy } from './calendar/index.js';
import { calendarPort, loadCalendarFile } from './status/calendar-port.js';
import { openTicketsForSeriousIncidents } from './incidents/incident-tickets.js';
import { createReportModule } from './reports/index.js';
import { createWorkflow, type Workflow } from './workflow/workflow-wiring.js';
import { DEFAULT_STATUS_CONFIG, parseStatusConfig, type StatusConfig } from './status/config.js';
import { StatusService } from './status/status-service.js';
import { attachTicketFeed } from './tickets/ticket-feed.js';

export interface ApiService {
  app: FastifyInstance;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  status: StatusService;
  workflow: Workflow;
  url: string;
  /** Test seam: drop every live connection and refuse new ones (simulates a cut link). */
  setLiveFeedPaused(paused: boolean): Promise<void>;
  close(): Promise<void>;
}

async function loadStatusConfig(path: string, logger: Logger): Promise<StatusConfig> {
  try {
    return parseStatusConfig(JSON.parse(await readFile(path, 'utf8')) as unknown);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      logger.info({ path }, 'no status threshold file; using the documented defaults');
      return DEFAULT_STATUS_CONFIG;
    }
    throw err;
  }
}

/** Status engine + read API + socket.io + the wall's static files, listening on API_HOST:API_PORT. */
export async function startApiService(deps: {
  env: ApiEnv;
  bus: Bus;
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  logger: Logger;
  now?: () => number;
  extraReadiness?: Record<string, () => boolean | Promise<boolean>>;
}): Promise<ApiService> {
  const { env, logger } = deps;
  const now = deps.now ?? Date.now;
  const config = await loadStatusConfig(env.STATUS_CONFIG_FILE, logger);
  const workingCalendar = await loadCalendarFile(env.WORKING_CALENDAR_FILE);
  const calendar = calendarPort(workingCalendar);
  // Tickets change colours, the engine shows them: bound late because each needs the other.
  const engineRef: { touch?: (code: string) => void } = {};
  const workflow = await createWorkflow({
    env,
    bus: deps.bus,
    registry: deps.registry,
    calendar: workingCalendar,
    logger,
    now,
    onUnitChanged: (code) => engineRef.touch?.(code),
  });
  let paused = false;
  // The socket.io server exists before the HTTP server so the status service can own the live hub;
  // it is attached to fastify's HTTP server once that is built.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>({
    path: '/socket.io',
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
  });
  io.use((socket, next) => {
    if (paused) return next(new Error('live feed paused'));
    if (!env.AUTH_READS) return next();
    // The wall passes its display token in the handshake: { auth: { token } }.
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string'
        ? auth.token
        : undefined;
    return token && workflow.accounts.authenticate(token) ? next() : next(new Error('unauthorized'));
  });
  attachTicketFeed(io, {
    authenticate: (token) => workflow.accounts.authenticate(token),
    onChange: (fn) => workflow.tickets.onChange(fn),
    registry: deps.registry,
  });
  const status = new StatusService({
    bus: deps.bus,
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry: deps.registry,
    config,
    calendar,
    io,
    logger: logger.child({ component: 'status' }),
    now,
    live: {
      ...DEFAULT_LIVE_OPTIONS,
      urgentFlushMs: env.LIVE_URGENT_FLUSH_MS,
      routineFlushMs: env.LIVE_ROUTINE_FLUSH_MS,
    },
    onTelemetry: openTicketsForSeriousIncidents(workflow.tickets, logger),
    tickets: {
      reasonsFor: (code) => workflow.tickets.reasonsFor(code),
      summaryFor: (code, at) => workflow.tickets.summaryFor(code, at),
    },
  });
  engineRef.touch = (code) => status.engine.touchUnit(code);
  const reports = createReportModule({
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry: deps.registry,
    logger,
    now,
  });
  const app = await buildApiApp(
    {
      engine: status.engine,
      hub: status.hub,
      history: status.history,
      registry: deps.registry,
      clickhouse: deps.clickhouse,
      database: deps.database,
      now,
      webDir: env.WEB_DIR,
      readinessChecks: {
        bus: () => deps.bus.isConnected(),
        status_engine: () => status.isReady(),
        ...deps.extraReadiness,
      },
      security: { corsOrigins: env.CORS_ORIGINS, authReads: env.AUTH_READS },
      reports: reports.routeDeps,
      isWorkingDay: (d) => calendar.isWorkingDay(d),
      httpTimeouts: env,
      redEpisodes: (fromMs) =>
        status.history.redEpisodes(fromMs, (code) => {
          const kind = deps.registry.kindOf(code);
          return kind === 'province' || kind === 'agency';
        }),
      workflow: {
        tickets: workflow.tickets,
        accounts: workflow.accounts,
        exportAudit: workflow.exportAudit,
        attachmentsDir: workflow.attachmentsDir,
        unitStatus: (code) => {
          const tile = status.engine.tile(code) ?? status.engine.child(code);
          return tile ? { status: tile.status, reasons: tile.reasons } : undefined;
        },
      },
    },
    logger.child({ component: 'api' }),
  );
  io.attach(app.server);
  await workflow.start();
  await workflow.config.record(
    'status-thresholds',
    { defaults: config.defaults, overrides: config.overrides },
    env.STATUS_CONFIG_FILE,
  );
  await workflow.config.record(
    'sla-policy',
    { ...defaultSlaPolicy },
    'built-in defaults (api/src/calendar/sla-policy.ts)',
  );
  await status.start();
  reports.scheduler.start();
  const address = await app.listen({ host: env.API_HOST, port: env.API_PORT, backlog: env.API_LISTEN_BACKLOG });
  return {
    app,
    io,
    status,
    workflow,
    url: address.replace('[::1]', '127.0.0.1'),
    setLiveFeedPaused: async (p) => {
      paused = p;
      if (p) io.disconnectSockets(true);
      await Promise.resolve();
    },
    close: async () => {
      await status.stop();
      await reports.close();
      await workflow.log.stop();
      io.disconnectSockets(true);
      // fastify closes the HTTP server socket.io is attached to.
      await app.close();
    },
  };
}
