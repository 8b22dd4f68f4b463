import { Pool } from 'undici';
import { LatencyRecorder } from '../runner/latency-recorder.js';

/** The wall's read paths sampled while ingest runs: heat map, drill-down, drill-down chart. */
export const QUERY_PATHS = {
  heatmap: '/api/v1/wall',
  drilldown: '/api/v1/units/79',
  timeseries: '/api/v1/units/79/timeseries?metric=received',
} as const;
export type QueryName = keyof typeof QUERY_PATHS;

export interface QuerySamples {
  latency: Record<QueryName, LatencyRecorder>;
  errors: number;
}

/**
 * Issues each query `perSecond` times a second, one at a time per query
 * (a wall or analyst does not stack requests), until stopped.
 */
export class QuerySampler {
  private readonly pool: Pool;
  private running = false;
  private loops: Promise<void>[] = [];
  readonly samples: QuerySamples = {
    latency: { heatmap: new LatencyRecorder(), drilldown: new LatencyRecorder(), timeseries: new LatencyRecorder() },
    errors: 0,
  };

  constructor(
    apiUrl: string,
    private readonly token: string | undefined,
    private readonly perSecond = 10,
  ) {
    this.pool = new Pool(apiUrl, { connections: 3 });
  }

  start(): void {
    this.running = true;
    this.loops = (Object.keys(QUERY_PATHS) as QueryName[]).map((name) => this.loop(name));
  }

  async stop(): Promise<QuerySamples> {
    this.running = false;
    await Promise.all(this.loops);
    await this.pool.close();
    return this.samples;
  }

  private async loop(name: QueryName): Promise<void> {
    const gap = 1000 / this.perSecond;
    while (this.running) {
      const started = performance.now();
      try {
        const res = await this.pool.request({
          path: QUERY_PATHS[name],
          method: 'GET',
          headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
        });
        // Read the whole body: the latency a wall sees includes receiving the snapshot.
        await res.body.arrayBuffer();
        if (res.statusCode === 200) this.samples.latency[name].record(performance.now() - started);
        else this.samples.errors++;
      } catch {
        this.samples.errors++;
      }
      const wait = gap - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
}
