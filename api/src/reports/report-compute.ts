import type { ClickHouseClient } from '@clickhouse/client';
import type { Registry } from '@kh02/schemas/registry';
import type { IncidentCountsProvider } from './incidents.js';
import { buildReport } from './report-builder.js';
import { cutoffInstant, reportWindows } from './report-calendar.js';
import type { ReportConfig } from './report-config.js';
import type { Report, ReportKind, TaskReportSection } from '@kh02/schemas';
import { queryCounterTotals } from './queries/counter-totals.js';
import { queryRedUnits } from './queries/hot-issues.js';
import { queryTopProcedures } from './queries/top-procedures.js';

/** What computing a report reads from. */
export interface ReportSources {
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  incidents: IncidentCountsProvider;
  config: ReportConfig;
  /** Plan 02 task progress for the period (local dates); absent where tasks are not wired. */
  tasks?: (period: { from: string; to: string }) => TaskReportSection;
}

/**
 * Computes a report from ClickHouse counting only data received at or before
 * `dataAsOfMs` — the cut-off for a frozen report, "now" for a provisional one
 * before the cut-off. The same inputs always give the same report.
 */
export async function computeReport(
  src: ReportSources,
  kind: ReportKind,
  reportDate: string,
  dataAsOfMs: number,
): Promise<Report> {
  const windows = reportWindows(kind, reportDate, src.config.cumulativeFrom);
  const [counters, procedures, incidents, redUnits] = await Promise.all([
    queryCounterTotals(src.clickhouse, src.database, windows, dataAsOfMs),
    queryTopProcedures(src.clickhouse, src.database, windows, dataAsOfMs),
    src.incidents.countsByUnit(windows, dataAsOfMs),
    queryRedUnits(src.clickhouse, src.database, dataAsOfMs),
  ]);
  const report = buildReport({
    kind,
    reportDate,
    cutoffMs: cutoffInstant(kind, reportDate),
    dataAsOfMs,
    windows,
    config: src.config,
    registry: src.registry,
    counters,
    procedures,
    incidents,
    redUnits,
  });
  return src.tasks ? { ...report, task_progress: src.tasks(windows.period) } : report;
}
