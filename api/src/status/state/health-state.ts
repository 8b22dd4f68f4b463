export interface Sample {
  eventId: string;
  t: number;
  uptime: number;
  cpu: number;
  ram: number;
  responseMs: number | null;
}

export interface AlertPoint {
  at: number;
  kind: 'performance' | 'security';
  severity: 'info' | 'warning' | 'critical';
  message: string;
  code: string;
  source: 'sample' | 'daily_report';
}

export interface DailyReportPoint {
  uptime: number;
  peakCpu: number;
  peakRam: number;
  receivedAtMs: number;
  /** Alerts of the reported day (they describe yesterday, so they are judged with the report, not by age). */
  alerts: AlertPoint[];
}

/**
 * A vendor pushes a sample every few seconds at most; beyond this many per
 * system (2 per second over the 10-minute window) the oldest are dropped, so
 * a flood cannot make every evaluation — or memory — grow with it.
 */
export const MAX_SAMPLES_PER_SYSTEM = 1_200;

/**
 * Recent health of one system: samples inside the evaluation window (kept in
 * time order, so a window is a binary search and a slice), the newest daily
 * report per date, and alerts inside the lookback. Sample event ids are
 * remembered so a redelivered or re-sent sample cannot count twice.
 */
export class SystemHealth {
  private samples: Sample[] = [];
  private readonly sampleIds = new Set<string>();
  lastSampleAt: number | undefined;
  readonly reports = new Map<string, DailyReportPoint>();
  private readonly alertsByKey = new Map<string, AlertPoint>();

  constructor(private readonly maxSamples = MAX_SAMPLES_PER_SYSTEM) {}

  addSample(s: Sample): void {
    if (this.sampleIds.has(s.eventId)) return;
    this.sampleIds.add(s.eventId);
    const last = this.samples.at(-1);
    // Samples nearly always arrive in order: appending is the common case.
    if (!last || before(last, s)) this.samples.push(s);
    else this.samples.splice(this.firstIndexAfter(s), 0, s);
    if (this.lastSampleAt === undefined || s.t > this.lastSampleAt) this.lastSampleAt = s.t;
    // Trim in chunks so a flood costs one splice per 100 samples, not one per sample.
    if (this.samples.length > this.maxSamples + 100) this.dropOldest(this.samples.length - this.maxSamples);
  }

  addReport(reportDate: string, r: DailyReportPoint): void {
    const existing = this.reports.get(reportDate);
    if (!existing || r.receivedAtMs >= existing.receivedAtMs) this.reports.set(reportDate, r);
  }

  addAlert(eventId: string, a: AlertPoint): void {
    this.alertsByKey.set(`${eventId}|${a.kind}|${a.code}|${a.message}`, a);
  }

  /** Samples with t ≥ from, oldest first (at most the newest `maxSamples`). */
  samplesSince(from: number): Sample[] {
    const start = this.firstIndexAtOrAfter(from);
    const end = this.samples.length;
    return this.samples.slice(Math.max(start, end - this.maxSamples), end);
  }

  alertsSince(from: number): AlertPoint[] {
    return [...this.alertsByKey.values()].filter((a) => a.at >= from).sort((a, b) => a.at - b.at);
  }

  prune(samplesFrom: number, alertsFrom: number, reportsFromDate: string): void {
    this.dropOldest(this.firstIndexAtOrAfter(samplesFrom));
    for (const [k, a] of this.alertsByKey) if (a.at < alertsFrom) this.alertsByKey.delete(k);
    for (const d of this.reports.keys()) if (d < reportsFromDate) this.reports.delete(d);
  }

  private dropOldest(count: number): void {
    if (count <= 0) return;
    for (const s of this.samples.splice(0, count)) this.sampleIds.delete(s.eventId);
  }

  /** Index of the first sample with t ≥ from. */
  private firstIndexAtOrAfter(from: number): number {
    let lo = 0;
    let hi = this.samples.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.samples[mid] as Sample).t < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index at which `s` keeps the (t, eventId) order. */
  private firstIndexAfter(s: Sample): number {
    let lo = 0;
    let hi = this.samples.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.samples[mid] as Sample, s)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The (time, event id) order: deterministic, so a rebuild from the store sees samples in the same order. */
function before(a: Sample, b: Sample): boolean {
  return a.t < b.t || (a.t === b.t && a.eventId < b.eventId);
}
