import type { Logger } from 'pino';
import { addDays, type ReportEnvelope, type ReportKind } from '@kh02/schemas';
import { cutoffInstant } from './report-calendar.js';
import { computeReport, type ReportSources } from './report-compute.js';
import type { FrozenSnapshot, SnapshotStore, SnapshotSummary } from './snapshot-store.js';

export interface ReportServiceDeps extends ReportSources {
  store: SnapshotStore;
  now: () => number;
  logger: Logger;
}

/** How far ahead a provisional report may be asked for (next Friday's weekly report). */
const MAX_PREVIEW_MS = 7 * 24 * 3_600_000;

export type ReportLookup = { found: true; envelope: ReportEnvelope } | { found: false };

/** Nothing at all has been received for the report's window yet: freezing now would publish zeros that are not zeros. */
export class ReportNotReadyError extends Error {
  override readonly name = 'ReportNotReadyError';
}

/**
 * Daily and weekly reports: frozen snapshots once the cut-off has passed,
 * provisional figures before it. Freezing is idempotent and may happen late
 * (after a restart, or on first read): it always counts exactly the data
 * received by the cut-off, so a late freeze gives the same report.
 */
export class ReportService {
  private readonly inFlight = new Map<string, Promise<FrozenSnapshot>>();

  constructor(private readonly deps: ReportServiceDeps) {}

  /** The frozen snapshot, freezing it now if its cut-off (plus grace) has passed. */
  async freeze(kind: ReportKind, reportDate: string): Promise<FrozenSnapshot> {
    const key = `${kind}:${reportDate}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const job = this.freezeOnce(kind, reportDate).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  async get(kind: ReportKind, reportDate: string): Promise<ReportLookup> {
    // Before the first day of data there is no report to show, and nothing worth freezing.
    if (addDays(reportDate, -1) < this.deps.config.cumulativeFrom) return { found: false };
    const frozen = await this.deps.store.find(kind, reportDate);
    if (frozen) return { found: true, envelope: envelopeOf(frozen) };
    const now = this.deps.now();
    const cutoff = cutoffInstant(kind, reportDate);
    if (now >= cutoff + this.deps.config.freezeGraceMs) {
      try {
        return { found: true, envelope: envelopeOf(await this.freeze(kind, reportDate)) };
      } catch (err) {
        if (!(err instanceof ReportNotReadyError)) throw err;
        const report = await computeReport(this.deps, kind, reportDate, now);
        return { found: true, envelope: { status: 'provisional', frozen_at: null, body_sha256: null, report } };
      }
    }
    if (cutoff - now > MAX_PREVIEW_MS) return { found: false };
    const report = await computeReport(this.deps, kind, reportDate, Math.min(now, cutoff));
    return { found: true, envelope: { status: 'provisional', frozen_at: null, body_sha256: null, report } };
  }

  list(kind: ReportKind, limit = 60): Promise<SnapshotSummary[]> {
    return this.deps.store.list(kind, limit);
  }

  private async freezeOnce(kind: ReportKind, reportDate: string): Promise<FrozenSnapshot> {
    const existing = await this.deps.store.find(kind, reportDate);
    if (existing) return existing;
    const cutoff = cutoffInstant(kind, reportDate);
    if (this.deps.now() < cutoff) throw new Error(`${kind} report ${reportDate} cannot be frozen before its cut-off`);
    const started = this.deps.now();
    let report = await computeReport(this.deps, kind, reportDate, cutoff);
    if (report.national.reporting_units.reported === 0) {
      // Nothing had arrived by the cut-off (the Center was not running, or the feeds were down): count the
      // report's own window as received by now, and say so; with nothing at all, wait rather than publish zeros.
      const late = await computeReport(this.deps, kind, reportDate, started);
      if (late.national.reporting_units.reported > 0)
        report = { ...late, completeness: { ...late.completeness, frozen_late: true } };
      else if (started < cutoff + this.deps.config.emptyFreezeAfterMs)
        throw new ReportNotReadyError(`${kind} report ${reportDate}: no unit has reported for its window yet`);
    }
    const stored = await this.deps.store.save(report, this.deps.now());
    this.deps.logger.info(
      { kind, report_date: reportDate, sha256: stored.body_sha256, ms: this.deps.now() - started },
      'report snapshot frozen',
    );
    return stored;
  }
}

export function envelopeOf(s: FrozenSnapshot): ReportEnvelope {
  return { status: 'frozen', frozen_at: s.frozen_at, body_sha256: s.body_sha256, report: s.report };
}
