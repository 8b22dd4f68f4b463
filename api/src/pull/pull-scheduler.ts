import { addDays, vnLocalDate, vnMidnight, type PullSourceState } from '@kh02/schemas';
import type { Logger } from '@kh02/platform';
import type { PullSource } from './pull-config.js';
import { pullOnce, type PullDeps } from './pull-once.js';

const MIN = 60_000;
/** Backoff after a failed attempt: 1, 2, 4, 8, 16, then 30 minutes; the day is given up after this many attempts. */
export const MAX_ATTEMPTS_PER_DAY = 8;
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * MIN, MIN * 2 ** Math.max(0, attempts - 1));
}

/**
 * Fetches each configured system's daily System Health Report for yesterday
 * from the vendor's endpoint, from its `at_local` time on (before the 08:00
 * deadline), retrying with backoff. Runs in the api process (it shows the
 * state on the sources panel); several api replicas fetching the same report
 * publish it once (the bus deduplicates the message id, the writer the event ids).
 */
export class PullScheduler {
  private readonly state = new Map<string, PullSourceState>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sources: readonly PullSource[],
    private readonly deps: PullDeps & { logger: Logger },
  ) {}

  /** Every source's state for today's fetch (the report of yesterday). */
  states(): PullSourceState[] {
    const forDate = addDays(vnLocalDate(this.deps.now()), -1);
    return this.sources.map((s) => this.stateOf(s, forDate));
  }

  private stateOf(source: PullSource, forDate: string): PullSourceState {
    const held = this.state.get(source.system_id);
    if (held?.for_date === forDate) return held;
    const fresh: PullSourceState = {
      system_id: source.system_id,
      endpoint: new URL(source.url).origin,
      for_date: forDate,
      status: 'pending',
      attempts: 0,
      last_attempt_at: null,
      last_success_at: held?.last_success_at ?? null,
      next_attempt_at: new Date(this.firstAttemptAt(source)).toISOString(),
      last_error: null,
    };
    this.state.set(source.system_id, fresh);
    return fresh;
  }

  private firstAttemptAt(source: PullSource): number {
    const [h, m] = source.at_local.split(':').map(Number);
    return vnMidnight(vnLocalDate(this.deps.now())) + ((h ?? 0) * 60 + (m ?? 0)) * MIN;
  }

  /** Attempts every source that is due now, one after another. */
  async runDue(): Promise<void> {
    const nowMs = this.deps.now();
    const forDate = addDays(vnLocalDate(nowMs), -1);
    for (const source of this.sources) {
      const s = this.stateOf(source, forDate);
      if (s.status === 'ok' || s.status === 'failed') continue;
      if (s.next_attempt_at !== null && nowMs < Date.parse(s.next_attempt_at)) continue;
      const result = await pullOnce(source, forDate, this.deps);
      const at = new Date(this.deps.now()).toISOString();
      const attempts = s.attempts + 1;
      if (result.ok) {
        this.state.set(source.system_id, {
          ...s,
          status: 'ok',
          attempts,
          last_attempt_at: at,
          last_success_at: at,
          next_attempt_at: null,
          last_error: null,
        });
        continue;
      }
      const givenUp = attempts >= MAX_ATTEMPTS_PER_DAY;
      this.deps.logger.warn({ system: source.system_id, attempts, error: result.error.en }, 'daily report pull failed');
      this.state.set(source.system_id, {
        ...s,
        status: givenUp ? 'failed' : 'retrying',
        attempts,
        last_attempt_at: at,
        next_attempt_at: givenUp ? null : new Date(this.deps.now() + retryDelayMs(attempts)).toISOString(),
        last_error: result.error,
      });
    }
  }

  /** A round now (a restart after 06:30 fetches at once), then every `everyMs`. */
  start(everyMs = 30_000): void {
    if (this.sources.length === 0) return;
    const round = () => {
      this.running ??= this.runDue()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'daily report pull round failed'))
        .finally(() => (this.running = undefined));
    };
    round();
    this.timer = setInterval(round, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
