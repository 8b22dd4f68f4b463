import type { IncidentReport, TelemetryBatchMessage } from '@kh02/schemas';
import { DomainError } from '@kh02/platform';
import type { Logger } from '@kh02/platform';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { TicketService } from '../tickets/ticket-service.js';

/**
 * A serious incident reported by a vendor becomes a P1, type-1 work ticket
 * the moment it arrives (Detect → Route), suggested for the vendor's focal
 * point. The ticket id derives from the incident, so replicas and
 * redeliveries open it once.
 */
export function openTicketsForSeriousIncidents(tickets: TicketService, logger: Logger) {
  return (message: TelemetryBatchMessage): void => {
    if (message.kind !== 'incident_report') return;
    for (const e of message.events as IncidentReport[]) {
      if (e.phase !== 'detected' || e.severity !== 'serious') continue;
      const incidentKey = `incident:${e.vendor}:${e.incident_id}`;
      void tickets
        .create(
          SYSTEM_PRINCIPAL,
          {
            title: `[Sự cố ${e.vendor}] ${e.title ?? e.incident_id}`.slice(0, 200),
            description: [e.message, e.impact ? `Ảnh hưởng: ${e.impact}` : '']
              .filter(Boolean)
              .join('\n')
              .slice(0, 5_000),
            unit_code: e.unit_code,
            system_id: e.system_id,
            issue_type: 1,
            priority: 'P1',
            topic: 'general',
            detected_at: e.at,
            source: 'manual',
          },
          { idempotencyKey: incidentKey, incidentId: e.incident_id },
        )
        .catch((err: unknown) => {
          // A repeated 'detected' report with other wording: the incident's ticket is already open.
          if (err instanceof DomainError && err.code === 'IDEMPOTENCY_CONFLICT') return;
          logger.error({ err, incident: incidentKey }, 'could not open a ticket for a serious incident');
        });
    }
  };
}
