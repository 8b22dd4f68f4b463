import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import { isCommandCenter } from '@kh02/schemas';
import { incidentFlags } from '../status/state/incident-state.js';
import type { StatusEngine } from '../status/engine.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Vendor incidents with their reporting-duty flags; vendors see their own, the Command Center sees all. */
export function registerIncidentRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; engine: StatusEngine; now: () => number },
): void {
  app.get('/api/v1/incidents', { preHandler: requireSession(deps.accounts) }, (req, reply) => {
    const p = req.principal;
    const now = deps.now();
    const list = [...deps.engine.state.incidents.byKey.values()]
      .filter((i) => (p && isCommandCenter(p)) || (p?.role === 'vendor_focal' && p.vendorCode === i.vendor))
      .sort((a, b) => b.lastUpdateAt - a.lastUpdateAt)
      .map((i) => ({
        vendor: i.vendor,
        incident_id: i.incidentId,
        system_id: i.systemId,
        unit_code: i.unitCode,
        severity: i.severity,
        title: i.title,
        last_message: i.lastMessage,
        detected_at: iso(i.detectedAt),
        reported_at: iso(i.reportedAt),
        last_update_at: iso(i.lastUpdateAt),
        resolved_at: iso(i.resolvedAt),
        root_cause_at: iso(i.rootCauseAt),
        flags: incidentFlags(i, now),
      }));
    return reply.send(list);
  });
}
