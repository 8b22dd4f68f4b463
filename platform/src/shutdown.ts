import type { Logger } from 'pino';

interface Step {
  name: string;
  run: () => Promise<void> | void;
}

/**
 * Ordered graceful shutdown: steps run in registration order (readiness off,
 * stop HTTP, drain consumers, flush writers, close clients), each bounded by
 * a timeout so a stuck dependency cannot hang the process forever.
 */
export class ShutdownSequence {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly stepTimeoutMs = 10_000,
  ) {}

  add(name: string, run: Step['run']): this {
    this.steps.push({ name, run });
    return this;
  }

  run(reason: string): Promise<void> {
    this.running ??= this.execute(reason);
    return this.running;
  }

  /** Runs the sequence on SIGINT/SIGTERM, then exits. */
  installSignalHandlers(): void {
    const handler = (signal: NodeJS.Signals) => {
      void this.run(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  }

  private async execute(reason: string): Promise<void> {
    this.logger.info({ reason }, 'shutting down');
    for (const step of this.steps) {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve(step.run()),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout')), this.stepTimeoutMs);
          }),
        ]);
        this.logger.info({ step: step.name, ms: Date.now() - started }, 'shutdown step done');
      } catch (err) {
        this.logger.error({ err, step: step.name }, 'shutdown step failed');
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
