import { bilingual, REPLAY_MAX_SPAN_MS, type FieldIssue } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { sendError } from '@kh02/platform';
import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { queryReplay } from '../status/replay-query.js';

export interface ReplayDeps {
  registry: Registry;
  clickhouse: ClickHouseClient;
  database: string;
  now: () => number;
  /** Writes pending status changes first, so the replay includes the last seconds. */
  flushHistory: () => Promise<void>;
}

const Query = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });

function windowIssues(fromMs: number, toMs: number, nowMs: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (toMs <= fromMs)
    issues.push({
      path: 'to',
      reason: 'not_after_from',
      message: bilingual('`to` phải sau `from`.', '`to` must be after `from`.'),
    });
  else if (toMs - fromMs > REPLAY_MAX_SPAN_MS)
    issues.push({
      path: 'to',
      reason: 'span_too_long',
      message: bilingual('Mỗi lần phát lại tối đa 24 giờ.', 'A replay covers at most 24 hours.'),
    });
  if (fromMs > nowMs)
    issues.push({
      path: 'from',
      reason: 'in_future',
      message: bilingual('`from` ở tương lai: chưa có gì để phát lại.', '`from` is in the future: nothing to replay.'),
    });
  return issues;
}

/** GET /api/v1/replay?from=&to= — the wall as it was, from the stored colour changes (docs/api.md). */
export function registerReplayRoutes(app: FastifyInstance, deps: ReplayDeps): void {
  const codes = [...deps.registry.provinces.map((p) => p.code), ...deps.registry.agencies.map((a) => a.code)];
  app.get<{ Querystring: Record<string, string> }>('/api/v1/replay', async (req, reply) => {
    const parsed = Query.safeParse(req.query);
    if (!parsed.success)
      return sendError(reply, 'BAD_REQUEST', {
        details: parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          reason: i.code,
          message: bilingual(
            `Tham số ${i.path.join('.')} phải là thời điểm ISO 8601 có múi giờ (ví dụ 2026-12-03T16:45:00+07:00).`,
            `Parameter ${i.path.join('.')} must be an ISO 8601 instant with offset (e.g. 2026-12-03T16:45:00+07:00).`,
          ),
        })),
      });
    const fromMs = Date.parse(parsed.data.from);
    const toMs = Date.parse(parsed.data.to);
    const issues = windowIssues(fromMs, toMs, deps.now());
    if (issues.length > 0) return sendError(reply, 'BAD_REQUEST', { details: issues });
    await deps.flushHistory();
    return reply.send(await queryReplay(deps.clickhouse, deps.database, fromMs, Math.min(toMs, deps.now()), codes));
  });
}
