import type { ClickHouseClient } from '@clickhouse/client';
import type { TelemetryBatchMessage } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import {
  ConsumerProgressMonitor,
  WRITER_TELEMETRY_CONSUMER,
  WRITER_WORKFLOW_CONSUMER,
  type Bus,
  type Logger,
} from '@kh02/platform';
import { STREAMS, type PipelineHealth } from '@kh02/schemas';
import type { StatusConfig } from './config.js';
import type { WorkingCalendarPort } from './evaluate/context.js';
import { StatusEngine, type MaintenancePort, type TicketStatusPort } from './engine.js';
import { StatusHistoryStore } from './history-store.js';
import { earliestCounterDay } from './evaluate/context.js';
import { rebuildState } from './rebuild.js';
import { TelemetryFeed } from './telemetry-feed.js';

export interface StatusServiceDeps {
  bus: Bus;
  clickhouse: ClickHouseClient;
  database: string;
  registry: Registry;
  config: StatusConfig;
  calendar: WorkingCalendarPort;
  logger: Logger;
  now: () => number;
  /** The feed's own health, every 2 s (the live hub presents tiles as stale from it). */
  onPipeline?: (health: PipelineHealth) => void;
  /** Told how long each evaluation took ('dirty': the changed units, every 200 ms; 'all': the whole wall, every 15 s). */
  onEvaluated?: (scope: 'dirty' | 'all', ms: number) => void;
  tickets?: TicketStatusPort;
  maintenance?: MaintenancePort;
  onTelemetry?: (message: TelemetryBatchMessage) => void;
}

/**
 * The status engine's life: seed from history, subscribe to the bus, rebuild
 * from ClickHouse, then evaluate what changes (every 200 ms), the whole wall
 * (every 15 s, for time-driven states) and the feed's own health (every 2 s,
 * reported through `onPipeline`). The live hub that presents it is built by
 * the caller.
 */
export class StatusService {
  readonly engine: StatusEngine;
  readonly history: StatusHistoryStore;
  private readonly feed: TelemetryFeed;
  private timers: NodeJS.Timeout[] = [];
  private busDownSinceMs: number | undefined;
  private readonly writers: ConsumerProgressMonitor[];
  private started = false;

  constructor(private readonly deps: StatusServiceDeps) {
    this.engine = new StatusEngine({
      registry: deps.registry,
      config: deps.config,
      calendar: deps.calendar,
      now: deps.now,
      ...(deps.tickets ? { tickets: deps.tickets } : {}),
      ...(deps.maintenance ? { maintenance: deps.maintenance } : {}),
    });
    this.history = new StatusHistoryStore(deps.clickhouse, deps.database, deps.logger);
    this.engine.onChanges((c) => this.history.record(c.statusChanges));
    this.feed = new TelemetryFeed(deps.bus, this.engine, deps.logger, deps.now, deps.onTelemetry);
    // Watched through the bus, so the wall sees a stalled writer in either topology.
    this.writers = [
      new ConsumerProgressMonitor(deps.bus, STREAMS.telemetry, WRITER_TELEMETRY_CONSUMER, deps.now),
      new ConsumerProgressMonitor(deps.bus, STREAMS.workflow, WRITER_WORKFLOW_CONSUMER, deps.now),
    ];
  }

  isReady(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    const { logger, now } = this.deps;
    this.engine.seedLastStatuses(await this.history.load(now()));
    await this.feed.start();
    const counts = await rebuildState(
      this.deps.clickhouse,
      this.deps.database,
      this.engine.state,
      now(),
      this.deps.config.defaults,
      earliestCounterDay(now(), this.deps.calendar),
    );
    this.feed.release();
    this.engine.evaluateAll();
    logger.info({ rebuilt: counts }, 'status engine rebuilt from ClickHouse');
    this.history.start();
    this.timers.push(setInterval(() => this.timed('dirty', () => this.engine.evaluateDirty()), 200));
    this.timers.push(setInterval(() => this.timed('all', () => this.engine.evaluateAll()), 15_000));
    this.timers.push(setInterval(() => void this.checkPipeline(), 2_000));
    this.started = true;
  }

  private timed(scope: 'dirty' | 'all', evaluate: () => void): void {
    const started = performance.now();
    evaluate();
    this.deps.onEvaluated?.(scope, performance.now() - started);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.feed.stop();
    await this.history.stop();
  }

  private async checkPipeline(): Promise<void> {
    const t = this.deps.config.defaults.stale;
    const connected = this.deps.bus.isConnected();
    this.busDownSinceMs = connected ? undefined : (this.busDownSinceMs ?? this.deps.now());
    const busDown = this.busDownSinceMs !== undefined && this.deps.now() - this.busDownSinceMs > t.busDownMs;
    const lag = connected ? await this.feed.lag().catch(() => ({ pending: 0, lagMs: 0 })) : { pending: 0, lagMs: 0 };
    const lagMs = busDown && this.busDownSinceMs !== undefined ? this.deps.now() - this.busDownSinceMs : lag.lagMs;
    const writers = connected
      ? await Promise.all(this.writers.map((w) => w.sample().catch(() => ({ waiting: 0, stalledForMs: 0 }))))
      : [];
    const stalledForMs = Math.max(0, ...writers.map((w) => w.stalledForMs));
    let newest = -Infinity;
    for (const tile of this.engine.allTiles())
      if (tile.data_as_of) newest = Math.max(newest, Date.parse(tile.data_as_of));
    this.deps.onPipeline?.({
      lag_ms: lagMs,
      stale: busDown || lag.lagMs > t.pipelineLagMs,
      data_fresh: this.deps.now() - newest <= t.dataFreshMs,
      storage: {
        stalled: stalledForMs > t.storageStallMs,
        waiting: writers.reduce((n, w) => n + w.waiting, 0),
        stalled_for_ms: stalledForMs,
      },
    });
  }
}
