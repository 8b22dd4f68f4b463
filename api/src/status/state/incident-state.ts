import type { IncidentReport } from '@kh02/schemas';

export interface IncidentState {
  key: string;
  vendor: string;
  systemId: string;
  unitCode: string;
  incidentId: string;
  severity: 'serious' | 'minor';
  title: string;
  detectedAt: number | undefined;
  /** When the Center first heard of it (received time of the first report). */
  reportedAt: number;
  lastUpdateAt: number;
  resolvedAt: number | undefined;
  rootCauseAt: number | undefined;
  lastMessage: string;
}

export interface IncidentFlags {
  /** Reported more than 15 min after detection. */
  lateReport: boolean;
  /** Serious, unresolved, and no update for 30 min. */
  updateOverdue: boolean;
  /** Serious, resolved more than 24 h ago, and no root-cause report. */
  rootCauseOverdue: boolean;
}

export const REPORT_WITHIN_MS = 15 * 60_000;
export const UPDATE_EVERY_MS = 30 * 60_000;
export const ROOT_CAUSE_WITHIN_MS = 24 * 3_600_000;

export function incidentFlags(i: IncidentState, now: number): IncidentFlags {
  const serious = i.severity === 'serious';
  return {
    lateReport: i.detectedAt !== undefined && i.reportedAt - i.detectedAt > REPORT_WITHIN_MS,
    updateOverdue: serious && i.resolvedAt === undefined && now - i.lastUpdateAt > UPDATE_EVERY_MS,
    rootCauseOverdue:
      serious && i.resolvedAt !== undefined && i.rootCauseAt === undefined && now - i.resolvedAt > ROOT_CAUSE_WITHIN_MS,
  };
}

/** Vendor incidents by vendor + incident id; phases may arrive in any order and more than once. */
export class IncidentBook {
  readonly byKey = new Map<string, IncidentState>();

  apply(e: IncidentReport, receivedAtMs: number): IncidentState {
    const key = `${e.vendor}:${e.incident_id}`;
    const at = Date.parse(e.at);
    const i: IncidentState = this.byKey.get(key) ?? {
      key,
      vendor: e.vendor,
      systemId: e.system_id,
      unitCode: e.unit_code,
      incidentId: e.incident_id,
      severity: e.severity,
      title: e.title ?? e.incident_id,
      detectedAt: undefined,
      reportedAt: receivedAtMs,
      lastUpdateAt: receivedAtMs,
      resolvedAt: undefined,
      rootCauseAt: undefined,
      lastMessage: e.message,
    };
    i.reportedAt = Math.min(i.reportedAt, receivedAtMs);
    // A severity change (e.g. escalated to serious) takes the latest report's view.
    if (receivedAtMs >= i.lastUpdateAt) {
      i.severity = e.severity;
      i.lastMessage = e.message;
    }
    i.lastUpdateAt = Math.max(i.lastUpdateAt, receivedAtMs);
    if (e.phase === 'detected') {
      i.detectedAt = at;
      if (e.title) i.title = e.title;
    } else if (e.phase === 'resolved') i.resolvedAt = at;
    else if (e.phase === 'root_cause') i.rootCauseAt = at;
    this.byKey.set(key, i);
    return i;
  }

  forSystem(systemId: string): IncidentState[] {
    return [...this.byKey.values()].filter((i) => i.systemId === systemId);
  }

  prune(now: number): void {
    for (const [k, i] of this.byKey) {
      const done = i.resolvedAt !== undefined && (i.rootCauseAt !== undefined || i.severity === 'minor');
      if (done && now - i.lastUpdateAt > 7 * 86_400_000) this.byKey.delete(k);
    }
  }
}
