import { readFile } from 'node:fs/promises';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Bus, Logger, MetricsRegistry } from '@kh02/platform';
import {
  attachTicketFeed,
  buildApiApp,
  calendarPort,
  createReportModule,
  DEFAULT_LIVE_OPTIONS,
  DEFAULT_STATUS_CONFIG,
  defaultSlaPolicy,
  LiveHub,
  loadCalendarFile,
  openTicketsForSeriousIncidents,
  parseStatusConfig,
  StatusService,
  wallUnitOf,
  type PullScheduler,
  type StatusConfig,
} from '@kh02/api';
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { ApiEnv } from './env/api-env.js';
import { apiObservers } from './metrics.js';
import { createRecords, type Records } from './records.js';
import { createPullScheduler } from './pull-wiring.js';
import { createNotifications, type Notifications } from './notify/notify-wiring.js';

export interface ApiService {
  app: FastifyInstance;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  status: StatusService;
  hub: LiveHub;
  records: Records;
  notifications: Notifications;
  url: string;
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

/** The wall's socket.io server; the wall passes its display token in the handshake: `{ auth: { token } }`. */
function liveServer(env: ApiEnv, records: Records) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>({
    path: '/socket.io',
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
  });
  io.use((socket, next) => {
    if (!env.AUTH_READS) return next();
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string'
        ? auth.token
        : undefined;
    return token && records.accounts.authenticate(token) ? next() : next(new Error('unauthorized'));
  });
  return io;
}

/**
 * The api process: records (tickets, accounts) on the event log, the status
 * engine and its live hub, reports, the read API and the wall's static files,
 * listening on API_HOST:API_PORT. Built in dependency order: records, then the
 * engine that shows tickets' colours, then the hub that presents the engine.
 */
export async function startApiService(deps: {
  env: ApiEnv;
  bus: Bus;
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  logger: Logger;
  metrics: MetricsRegistry;
  now?: () => number;
  extraReadiness?: Record<string, () => boolean | Promise<boolean>>;
}): Promise<ApiService> {
  const { env, logger, registry } = deps;
  const now = deps.now ?? Date.now;
  const config = await loadStatusConfig(env.STATUS_CONFIG_FILE, logger);
  const workingCalendar = await loadCalendarFile(env.WORKING_CALENDAR_FILE);
  const calendar = calendarPort(workingCalendar);
  const observe = apiObservers(deps.metrics);
  const records = await createRecords({
    env,
    bus: deps.bus,
    registry,
    calendar: workingCalendar,
    logger,
    now,
    taskThresholds: (code) => ((code ? config.overrides[code] : undefined) ?? config.defaults).taskProgress,
  });
  // Built before the log replays, so the outbox sees every ticket event it must still notify.
  const listening: { url?: string } = {};
  const notifications = await createNotifications({
    env,
    records,
    registry,
    calendar: workingCalendar,
    logger,
    metrics: deps.metrics,
    now,
    publicUrl: () => listening.url ?? `http://${env.API_HOST}:${env.API_PORT}`,
  });
  const status = new StatusService({
    bus: deps.bus,
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry,
    config,
    calendar,
    logger: logger.child({ component: 'status' }),
    now,
    onTelemetry: openTicketsForSeriousIncidents(records.tickets, logger),
    onPipeline: (health) => hub.setPipeline(health),
    onEvaluated: observe.onEvaluated,
    tickets: {
      // A unit's colour also answers for its Plan 02 tasks (overdue, report cadence).
      reasonsFor: (code, at) => [
        ...records.tickets.reasonsFor(code),
        ...(env.TASK_PROGRESS_COLOURS ? records.tasks.reasonsFor(code, at) : []),
      ],
      summaryFor: (code, at) => records.tickets.summaryFor(code, at),
    },
    maintenance: records.maintenance.book,
  });
  // An approved, rejected or cancelled window changes its system's colour at once (opening and closing
  // in time are picked up by the engine's periodic full pass).
  records.maintenance.onChange((w) => status.engine.touchSystem(w.system_id));
  // A ticket holds its unit's colour: each change re-evaluates that unit's tile.
  records.tickets.onChange((t) => status.engine.touchUnit(wallUnitOf(t, registry)));
  records.tasks.onChange((units) => {
    for (const u of units) if (registry.kindOf(u)) status.engine.touchUnit(u);
  });
  const io = liveServer(env, records);
  const hub = new LiveHub(io, status.engine, registry, now, {
    ...DEFAULT_LIVE_OPTIONS,
    urgentFlushMs: env.LIVE_URGENT_FLUSH_MS,
    routineFlushMs: env.LIVE_ROUTINE_FLUSH_MS,
    onFanout: observe.onFanout,
  });
  attachTicketFeed(io, {
    authenticate: (token) => records.accounts.authenticate(token),
    onChange: (fn) => records.tickets.onChange(fn),
    registry,
  });
  // Built once the event log is replayed (it records the configured sources); the panel reads it from then on.
  const pull: { scheduler?: PullScheduler } = {};
  const reports = createReportModule({
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry,
    logger,
    now,
    tasks: (period) => records.tasks.reportSection(period),
  });
  const app = await buildApiApp(
    {
      engine: status.engine,
      hub,
      history: status.history,
      registry,
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
      metrics: deps.metrics,
      pullStates: () => pull.scheduler?.states() ?? [],
      extraRoutes: (a) => notifications.registerRoutes(a),
      redEpisodes: (fromMs) =>
        status.history.redEpisodes(fromMs, (code) => {
          const kind = registry.kindOf(code);
          return kind === 'province' || kind === 'agency';
        }),
      records: {
        tickets: records.tickets,
        tasks: records.tasks,
        accounts: records.accounts,
        exportAudit: records.exportAudit,
        contacts: records.contacts,
        maintenance: records.maintenance,
        attachmentsDir: records.attachmentsDir,
        unitStatus: (code) => {
          const tile = status.engine.tile(code) ?? status.engine.child(code);
          return tile ? { status: tile.status, reasons: tile.reasons } : undefined;
        },
      },
    },
    logger.child({ component: 'api' }),
  );
  io.attach(app.server);
  await records.start();
  await records.config.record(
    'status-thresholds',
    { defaults: config.defaults, overrides: config.overrides },
    env.STATUS_CONFIG_FILE,
  );
  await records.config.record(
    'sla-policy',
    { ...defaultSlaPolicy },
    'built-in defaults (api/src/calendar/sla-policy.ts)',
  );
  await status.start();
  await notifications.start();
  hub.seedRecentChanges(status.history.recent(30, (code) => status.engine.tile(code) !== undefined));
  hub.start();
  reports.scheduler.start();
  pull.scheduler = await createPullScheduler(env, { bus: deps.bus, registry, logger, now, config: records.config });
  pull.scheduler.start();
  const address = await app.listen({ host: env.API_HOST, port: env.API_PORT, backlog: env.API_LISTEN_BACKLOG });
  listening.url = address.replace('[::1]', '127.0.0.1');
  return {
    app,
    io,
    status,
    hub,
    records,
    notifications,
    url: address.replace('[::1]', '127.0.0.1'),
    close: async () => {
      hub.stop();
      await notifications.stop();
      await pull.scheduler?.stop();
      await status.stop();
      await reports.close();
      await records.log.stop();
      io.disconnectSockets(true);
      // fastify closes the HTTP server socket.io is attached to.
      await app.close();
    },
  };
}
