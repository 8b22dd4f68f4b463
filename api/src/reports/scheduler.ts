import type { Logger } from 'pino';
import { latestDueReportDate, nextCutoffAfter } from './report-calendar.js';
import { ReportNotReadyError } from './report-service.js';
import { REPORT_KINDS, type ReportKind } from '@kh02/schemas';

export interface SchedulerDeps {
  freeze(kind: ReportKind, reportDate: string): Promise<unknown>;
  now: () => number;
  logger: Logger;
  /** Freeze this long after each cut-off (see ReportConfig.freezeGraceMs). */
  graceMs: number;
}

/** Never sleep longer than this: re-reading the clock hourly survives suspends and clock steps. */
const MAX_SLEEP_MS = 3_600_000;
const RETRY_MS = 60_000;

/**
 * Freezes the daily report at 08:30 and the weekly report at 14:00 on Friday
 * (Vietnam time; plus the grace). On start it also freezes the latest report
 * whose cut-off passed while the api was down — safe, because a freeze only
 * counts data received by the cut-off.
 */
export class ReportScheduler {
  private readonly frozen = new Map<ReportKind, string>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.stopped = false;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Freezes whatever is due and returns how long to wait before the next check. */
  async tick(): Promise<number> {
    const effectiveNow = this.deps.now() - this.deps.graceMs;
    let failed = false;
    for (const kind of REPORT_KINDS) {
      const due = latestDueReportDate(kind, effectiveNow);
      if (this.frozen.get(kind) === due) continue;
      try {
        await this.deps.freeze(kind, due);
        this.frozen.set(kind, due);
      } catch (err) {
        failed = true;
        if (err instanceof ReportNotReadyError)
          this.deps.logger.info({ kind, report_date: due }, 'no data for the report yet; freezing it later');
        else this.deps.logger.error({ err, kind, report_date: due }, 'could not freeze report; will retry');
      }
    }
    if (failed) return RETRY_MS;
    const next = Math.min(...REPORT_KINDS.map((k) => nextCutoffAfter(k, effectiveNow).cutoffMs));
    return Math.max(0, Math.min(next + this.deps.graceMs - this.deps.now(), MAX_SLEEP_MS));
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    const wait = await this.tick();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref();
  }
}
