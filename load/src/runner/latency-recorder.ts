/** Every sample kept (a 20-second 10k/s run is 200k doubles): exact percentiles, no bucketing error. */
export class LatencyRecorder {
  private values = new Float64Array(1024);
  private size = 0;
  private sorted: Float64Array | undefined;

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = ms;
    this.sorted = undefined;
  }

  /** Nearest-rank percentile (k6 reports the same statistic); NaN when empty. */
  percentile(p: number): number {
    if (this.size === 0) return Number.NaN;
    this.sorted ??= this.values.slice(0, this.size).sort();
    const rank = Math.min(this.size - 1, Math.max(0, Math.ceil((p / 100) * this.size) - 1));
    return this.sorted[rank] ?? Number.NaN;
  }

  summary(): LatencySummary {
    let sum = 0;
    for (let i = 0; i < this.size; i++) sum += this.values[i] ?? 0;
    return {
      count: this.size,
      avg: this.size === 0 ? Number.NaN : sum / this.size,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: this.percentile(100),
    };
  }
}

export interface LatencySummary {
  count: number;
  avg: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
