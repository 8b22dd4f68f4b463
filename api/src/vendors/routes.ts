import type { ClickHouseClient } from '@clickhouse/client';
import { addDays, bilingual, vnLocalDate, type ChildTile, type Ticket } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { sendError } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { mayReadKpi } from '../auth/access.js';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import { buildVendorView } from './vendor-view.js';
import { firstSeenDates, reportArrivals } from './vendor-queries.js';

export interface VendorRouteDeps {
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  accounts: AccountService;
  /** A system's current tile (status), from the status engine. */
  system: (id: string) => Pick<ChildTile, 'status'> | undefined;
  /** Every ticket as shown (clocks included); the route is for the Command Center's KPI readers only. */
  tickets: () => Ticket[];
  /** When a day's daily health report is due the next morning (status thresholds, dailyReport.dueLocal). */
  reportDueLocal: string;
  now: () => number;
}

const Query = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(7) });

/**
 * GET /api/v1/vendors[?days=7] — vendor accountability: per vendor its systems
 * (red now), the tickets routed to it (breached, MTTA, MTTR) and its daily
 * reports on time over the window. A performance KPI: the Command Center and
 * the working groups only, like /api/v1/tickets-kpi.
 */
export function registerVendorRoutes(app: FastifyInstance, deps: VendorRouteDeps): void {
  const auth = requireSession(deps.accounts);
  app.get('/api/v1/vendors', { preHandler: auth }, async (req, reply) => {
    if (!mayReadKpi(req.principal as Principal)) return sendError(reply, 'FORBIDDEN');
    const q = Query.safeParse(req.query ?? {});
    if (!q.success) {
      return sendError(reply, 'BAD_REQUEST', {
        details: q.error.issues.map((i) => ({
          path: i.path.join('.') || '(query)',
          reason: i.code,
          message: bilingual(
            `Tham số không hợp lệ: ${i.path.join('.') || 'truy vấn'} (số ngày từ 1 đến 90).`,
            `Invalid parameter: ${i.path.join('.') || 'query'} (days from 1 to 90).`,
          ),
        })),
      });
    }
    const nowMs = deps.now();
    const windowDays = q.data.days;
    const today = vnLocalDate(nowMs);
    const fromDate = addDays(today, -windowDays);
    const toDate = addDays(today, -1);
    // Sequential on purpose: the embedded engine runs one query at a time anyway.
    const arrivals = await reportArrivals(deps.clickhouse, deps.database, fromDate, toDate, nowMs);
    const firstSeen = await firstSeenDates(deps.clickhouse, deps.database, fromDate, nowMs);
    const view = buildVendorView({
      registry: deps.registry,
      system: deps.system,
      tickets: deps.tickets(),
      arrivals,
      firstSeen,
      nowMs,
      windowDays,
      fromDate,
      toDate,
      dueLocal: deps.reportDueLocal,
    });
    return reply.header('cache-control', 'no-store').send(view);
  });
}
