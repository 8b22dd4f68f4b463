import type { SystemDetail } from '@kh02/schemas';
import type { AlertPoint } from './state/health-state.js';

export interface AlertGroup {
  first: AlertPoint;
  last: AlertPoint;
  count: number;
}

/**
 * One entry per open condition: vendors repeat an alert on every sample
 * until it clears, and ten identical lines a minute hide the one that is new.
 * Grouped by kind, severity, code and message; newest first.
 */
export function alertGroups(points: Iterable<AlertPoint>): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of points) {
    const key = `${a.kind}|${a.severity}|${a.code}|${a.message}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { first: a, last: a, count: 1 });
    else {
      g.count += 1;
      if (a.at < g.first.at) g.first = a;
      if (a.at > g.last.at) g.last = a;
    }
  }
  return [...groups.values()].sort((a, b) => b.last.at - a.last.at);
}

export function groupAlerts(points: Iterable<AlertPoint>): SystemDetail['alerts'] {
  return alertGroups(points).map((g) => ({
    at: new Date(g.last.at).toISOString(),
    first_at: new Date(g.first.at).toISOString(),
    count: g.count,
    kind: g.last.kind,
    severity: g.last.severity,
    message: g.last.message,
    code: g.last.code,
  }));
}
