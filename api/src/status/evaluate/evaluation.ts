import { STATUS_SEVERITY, type Reason, type UnitStatus } from '@kh02/schemas';

export interface Evaluation {
  status: UnitStatus;
  reasons: Reason[];
  /** Newest data time behind the evaluation (ms), or null if none. */
  dataAsOfMs: number | null;
}

/**
 * Keeps one reason per indicator, source and rule (the worst) and orders worst
 * first, so "why red" leads with the cause; two duties broken by the same
 * incident are two reasons.
 */
export function finish(reasons: Reason[], dataAsOfMs: number | null): Evaluation {
  const byIndicator = new Map<string, Reason>();
  for (const r of reasons) {
    const key = `${r.indicator}:${r.source?.code ?? ''}:${r.rule ?? ''}`;
    const prev = byIndicator.get(key);
    if (!prev || STATUS_SEVERITY[r.status] > STATUS_SEVERITY[prev.status]) byIndicator.set(key, r);
  }
  const kept = [...byIndicator.values()].sort(
    (a, b) => STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || a.indicator.localeCompare(b.indicator),
  );
  let status: UnitStatus = 'green';
  for (const r of kept) if (STATUS_SEVERITY[r.status] > STATUS_SEVERITY[status]) status = r.status;
  return { status, reasons: kept, dataAsOfMs };
}

export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
