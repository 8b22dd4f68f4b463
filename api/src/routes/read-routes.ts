import {
  bilingual,
  RankingIndicatorSchema,
  TimeseriesMetricSchema,
  type SystemDetail,
  type Timeseries,
  type UnitDetail,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { sendError } from '@kh02/platform';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { LiveHub } from '../live/live-hub.js';
import { presentChild, presentTile } from '../live/stale-presentation.js';
import { counterSeries24h, counterSeriesDaily } from '../queries/counter-series.js';
import { healthSeries } from '../queries/health-series.js';
import { groupAlerts } from '../status/alert-groups.js';
import { rankProvinces } from '../queries/rankings.js';
import type { StatusEngine } from '../status/engine.js';
import type { StatusHistoryStore } from '../status/history-store.js';

export interface ReadDeps {
  engine: StatusEngine;
  hub: LiveHub;
  history: StatusHistoryStore;
  registry: Registry;
  clickhouse: ClickHouseClient;
  database: string;
  now: () => number;
}

const SeriesQuery = z.object({ metric: TimeseriesMetricSchema, range: z.enum(['24h', '7d', '30d']).default('24h') });
const TARGETS: Partial<Record<z.infer<typeof TimeseriesMetricSchema>, number>> = {
  online_rate: 0.8,
  on_time_rate: 0.99,
};

function badQuery(reply: FastifyReply, error: z.ZodError) {
  return sendError(reply, 'BAD_REQUEST', {
    details: error.issues.map((i) => ({
      path: i.path.join('.'),
      reason: i.code,
      message: bilingual(
        `Tham số không hợp lệ: ${i.path.join('.')}.`,
        `Invalid parameter: ${i.path.join('.')} (${i.message}).`,
      ),
    })),
  });
}

export function registerReadRoutes(app: FastifyInstance, deps: ReadDeps): void {
  const { engine, hub, history, registry } = deps;

  app.get('/api/v1/wall', (_req, reply) => reply.send(hub.wallSnapshot()));

  app.get<{ Params: { code: string } }>('/api/v1/units/:code', (req, reply) => {
    const tile = engine.tile(req.params.code);
    if (!tile) return sendError(reply, 'NOT_FOUND');
    const p = hub.pipelineHealth();
    const children = engine.childrenOf(tile.code);
    const detail: UnitDetail = {
      tile: presentTile(tile, p),
      communes: children.communes.map((c) => presentChild(c, p)),
      systems: children.systems.map((c) => presentChild(c, p)),
      history: history.history(tile.code),
    };
    return reply.send(detail);
  });

  app.get<{ Params: { id: string } }>('/api/v1/systems/:id', (req, reply) => {
    const system = registry.system(req.params.id);
    const child = system ? engine.child(system.id) : undefined;
    if (!system || !child) return sendError(reply, 'NOT_FOUND');
    const ownerKind = registry.kindOf(system.unitCode) === 'province' ? 'province' : 'agency';
    const owner = ownerKind === 'province' ? registry.province(system.unitCode) : registry.agency(system.unitCode);
    const health = engine.state.systems.get(system.id);
    const lastDate = [...(health?.reports.keys() ?? [])].sort().at(-1);
    const last = lastDate ? health?.reports.get(lastDate) : undefined;
    const detail: SystemDetail = {
      system: presentChild(child, hub.pipelineHealth()),
      owner: { code: system.unitCode, name: owner?.name ?? system.unitCode, kind: ownerKind },
      vendor: { code: system.vendorCode, name: registry.vendor(system.vendorCode)?.name ?? system.vendorCode },
      kind: system.kind,
      critical: system.critical,
      last_daily_report:
        last && lastDate
          ? { report_date: lastDate, uptime_pct: last.uptime, peak_cpu_pct: last.peakCpu, peak_ram_pct: last.peakRam }
          : null,
      alerts: groupAlerts([...(health?.alertsSince(0) ?? []), ...(last?.alerts ?? [])]).slice(0, 50),
      history: history.history(system.id),
    };
    return reply.send(detail);
  });

  app.get<{ Querystring: { indicator?: string } }>('/api/v1/rankings', (req, reply) => {
    const parsed = RankingIndicatorSchema.default('online_rate').safeParse(req.query.indicator);
    if (!parsed.success) return badQuery(reply, parsed.error);
    return reply.send(
      rankProvinces(
        engine.allTiles().map((t) => presentTile(t, hub.pipelineHealth())),
        parsed.data,
        deps.now(),
        (code) => engine.thresholds(code),
        engine.thresholds(),
      ),
    );
  });

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>(
    '/api/v1/units/:code/timeseries',
    async (req, reply) => {
      const parsed = SeriesQuery.safeParse(req.query);
      if (!parsed.success) return badQuery(reply, parsed.error);
      const { metric, range } = parsed.data;
      const code = req.params.code;
      const kind = registry.kindOf(code);
      if (!kind) return sendError(reply, 'NOT_FOUND');
      let series: Omit<Timeseries, 'code' | 'target'>;
      if (metric === 'cpu' || metric === 'ram' || metric === 'uptime') {
        series = await healthSeries(
          deps.clickhouse,
          deps.database,
          registry.systemsOf(code).map((s) => s.id),
          metric,
          range,
          deps.now(),
        );
      } else {
        const filter = kind === 'commune' ? { unit: code } : { province: code };
        series =
          range === '24h'
            ? await counterSeries24h(deps.clickhouse, deps.database, filter, metric, deps.now())
            : await counterSeriesDaily(
                deps.clickhouse,
                deps.database,
                filter,
                metric,
                range === '7d' ? 7 : 30,
                deps.now(),
              );
      }
      return reply.send({ code, ...series, target: TARGETS[metric] ?? null } satisfies Timeseries);
    },
  );

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/api/v1/systems/:id/timeseries',
    async (req, reply) => {
      const parsed = SeriesQuery.safeParse(req.query);
      if (!parsed.success) return badQuery(reply, parsed.error);
      const { metric, range } = parsed.data;
      if (!registry.system(req.params.id)) return sendError(reply, 'NOT_FOUND');
      if (metric !== 'cpu' && metric !== 'ram' && metric !== 'uptime') return sendError(reply, 'BAD_REQUEST');
      const series = await healthSeries(deps.clickhouse, deps.database, [req.params.id], metric, range, deps.now());
      return reply.send({ code: req.params.id, ...series, target: null } satisfies Timeseries);
    },
  );
}
