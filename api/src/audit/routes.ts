import type { ClickHouseClient } from '@clickhouse/client';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../auth/accounts.js';
import { requireCommandCenter, requireSession } from '../auth/auth-hooks.js';
import { sendError } from '@kh02/platform';

const QuerySchema = z.object({
  entity: z.enum(['ticket', 'account', 'config', 'export', 'status', 'task']).optional(),
  entity_id: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export interface AuditRow {
  at: string;
  entity: string;
  entity_id: string;
  event_type: string;
  actor_id: string;
  actor_name: string;
  before: string;
  after: string;
  data: string;
}

const ch = (iso: string) => new Date(iso).toISOString().replace('Z', '');

/**
 * The append-only audit trail (requirement 69): workflow events (tickets,
 * accounts, configuration) and every colour change, newest first, filterable.
 * Command Center only.
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; clickhouse: ClickHouseClient; database: string },
): void {
  app.get('/api/v1/audit', { preHandler: requireSession(deps.accounts) }, async (req, reply) => {
    if (!requireCommandCenter(req, reply)) return reply;
    const q = QuerySchema.safeParse(req.query);
    if (!q.success) return sendError(reply, 'BAD_REQUEST');
    const { entity, entity_id, actor, from, to, limit } = q.data;
    const db = deps.database;
    const rs = await deps.clickhouse.query({
      query: `SELECT * FROM (
          SELECT at, entity, entity_id, event_type, actor_id, actor_name, before, after, data FROM ${db}.audit_log FINAL
          UNION ALL
          SELECT at, 'status' AS entity, code AS entity_id, 'status_changed' AS event_type, 'system' AS actor_id, 'Hệ thống' AS actor_name,
                 concat('{"status":"', from_status, '"}') AS before, concat('{"status":"', to_status, '"}') AS after, reasons AS data
          FROM ${db}.status_changes FINAL WHERE from_status != to_status)
        WHERE ({entity:String} = '' OR entity = {entity:String})
          AND ({entity_id:String} = '' OR entity_id = {entity_id:String})
          AND ({actor:String} = '' OR actor_id = {actor:String})
          AND at >= {from:DateTime64(3, 'UTC')} AND at <= {to:DateTime64(3, 'UTC')}
        ORDER BY at DESC LIMIT {limit:UInt32}`,
      query_params: {
        entity: entity ?? '',
        entity_id: entity_id ?? '',
        actor: actor ?? '',
        from: ch(from ?? '1970-01-01T00:00:00Z'),
        to: ch(to ?? '2999-01-01T00:00:00Z'),
        limit,
      },
      format: 'JSONEachRow',
    });
    return reply.send(await rs.json<AuditRow>());
  });
}
