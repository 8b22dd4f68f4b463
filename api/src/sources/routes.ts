import type { ClickHouseClient } from '@clickhouse/client';
import { bilingual, SyncStatusSchema, type PullSourceState } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { sendError } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildSourcePanel, counterSources, type PanelContext, type SourceRows } from './source-panel.js';
import { dailyReportsFor, lastCounters, lastSamples } from './source-queries.js';
import { counterDueSince, DEFAULT_SYNC_THRESHOLDS, weekdaysOnly, type SyncThresholds } from './sync-status.js';

/** What the data-source routes need; see docs/operations.md for the wiring. */
export interface SourceRouteDeps {
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  now: () => number;
  /** The working calendar (holidays, make-up days); Monday–Friday when not given. */
  isWorkingDay?: (localDate: string) => boolean;
  thresholds?: Partial<SyncThresholds>;
  /** The daily-report pull scheduler's state, when one runs (api/src/pull/). */
  pullStates?: () => PullSourceState[];
}

const CountersQuery = z.object({
  province: z.string().regex(/^\d{2}$/),
  status: SyncStatusSchema.optional(),
});

async function loadRows(deps: SourceRouteDeps, nowMs: number): Promise<SourceRows> {
  // Sequential on purpose: the embedded engine runs one query at a time anyway.
  const samples = await lastSamples(deps.clickhouse, deps.database, nowMs);
  const dailyReports = await dailyReportsFor(deps.clickhouse, deps.database, nowMs);
  const counters = await lastCounters(deps.clickhouse, deps.database, nowMs);
  return { samples, dailyReports, counters };
}

/**
 * The 07:30 data-source check (requirement 50):
 * - GET /api/v1/sources — totals, every vendor and system (last sample, lag,
 *   yesterday's daily report), counters summarised per province;
 * - GET /api/v1/sources/counters?province=01[&status=silent] — each
 *   commune-level unit of a province with its last counter report.
 */
export function registerSourceRoutes(app: FastifyInstance, deps: SourceRouteDeps): void {
  const context = (nowMs: number): PanelContext => ({
    registry: deps.registry,
    nowMs,
    thresholds: { ...DEFAULT_SYNC_THRESHOLDS, ...deps.thresholds },
    isWorkingDay: deps.isWorkingDay ?? weekdaysOnly,
    ...(deps.pullStates ? { pulls: deps.pullStates() } : {}),
  });

  app.get('/api/v1/sources', async (_req, reply) => {
    const nowMs = deps.now();
    const panel = buildSourcePanel(await loadRows(deps, nowMs), context(nowMs));
    return reply.header('cache-control', 'no-store').send(panel);
  });

  app.get('/api/v1/sources/counters', async (req, reply) => {
    const q = CountersQuery.safeParse(req.query);
    if (!q.success) {
      return sendError(reply, 'BAD_REQUEST', {
        details: q.error.issues.map((i) => ({
          path: i.path.join('.') || '(query)',
          reason: i.code,
          message: bilingual(`Tham số không hợp lệ: ${i.path.join('.')}.`, `Invalid parameter: ${i.path.join('.')}.`),
        })),
      });
    }
    if (!deps.registry.province(q.data.province)) return sendError(reply, 'NOT_FOUND');
    const nowMs = deps.now();
    const ctx = context(nowMs);
    const counters = counterSources(
      { samples: [], dailyReports: [], counters: await lastCounters(deps.clickhouse, deps.database, nowMs) },
      ctx,
      q.data.province,
    ).filter((c) => !q.data.status || c.status === q.data.status);
    return reply.header('cache-control', 'no-store').send({
      generated_at: new Date(nowMs).toISOString(),
      counters_due_since: new Date(counterDueSince(nowMs, ctx.isWorkingDay, ctx.thresholds)).toISOString(),
      province: q.data.province,
      counters,
    });
  });
}
