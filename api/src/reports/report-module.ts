import type { ClickHouseClient } from '@clickhouse/client';
import type { Registry } from '@kh02/schemas/registry';
import type { Logger } from 'pino';
import { ClickHouseIncidentCounts, type IncidentCountsProvider } from './incidents.js';
import { ChromiumPdfRenderer, type PdfRenderer } from './pdf-renderer.js';
import { DEFAULT_REPORT_CONFIG, type ReportConfig } from './report-config.js';
import { ReportService } from './report-service.js';
import type { ReportSources } from './report-compute.js';
import type { ReportRouteDeps } from './routes.js';
import { ReportScheduler } from './scheduler.js';
import { SnapshotStore } from './snapshot-store.js';

export interface ReportModuleDeps {
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  logger: Logger;
  now?: () => number;
  config?: Partial<ReportConfig>;
  /** Defaults to the ClickHouse ticket log (kh02.ticket_events). */
  incidents?: IncidentCountsProvider;
  /** Plan 02 task progress for the report's section 5 (absent: the report has no such section). */
  tasks?: ReportSources['tasks'];
  /** Defaults to Debian's Chromium at /usr/bin/chromium. */
  pdf?: PdfRenderer;
  chromiumPath?: string;
}

export interface ReportModule {
  routeDeps: ReportRouteDeps;
  service: ReportService;
  scheduler: ReportScheduler;
  /** Stops the scheduler and closes Chromium. */
  close(): Promise<void>;
}

/** Wires the report service, its snapshot store, the PDF renderer and the 08:30 / Friday 14:00 scheduler. */
export function createReportModule(deps: ReportModuleDeps): ReportModule {
  const config: ReportConfig = { ...DEFAULT_REPORT_CONFIG, ...deps.config };
  const now = deps.now ?? Date.now;
  const logger = deps.logger.child({ component: 'reports' });
  const service = new ReportService({
    clickhouse: deps.clickhouse,
    database: deps.database,
    registry: deps.registry,
    incidents: deps.incidents ?? new ClickHouseIncidentCounts(deps.clickhouse, deps.database),
    config,
    store: new SnapshotStore(deps.clickhouse, deps.database),
    ...(deps.tasks ? { tasks: deps.tasks } : {}),
    now,
    logger,
  });
  const pdf =
    deps.pdf ??
    new ChromiumPdfRenderer({ logger, ...(deps.chromiumPath ? { executablePath: deps.chromiumPath } : {}) });
  const scheduler = new ReportScheduler({
    freeze: (kind, date) => service.freeze(kind, date),
    now,
    logger,
    graceMs: config.freezeGraceMs,
  });
  return {
    routeDeps: { reports: service, pdf },
    service,
    scheduler,
    close: async () => {
      scheduler.stop();
      await pdf.close();
    },
  };
}
