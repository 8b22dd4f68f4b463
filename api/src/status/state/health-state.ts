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
 * Recent health of one system: samples inside the evaluation window, the
 * newest daily report per date, and alerts inside the lookback. Samples are
 * keyed by event id so a redelivered or re-sent sample cannot count twice.
 */
export class SystemHealth {
  private readonly samplesById = new Map<string, Sample>();
  lastSampleAt: number | undefined;
  readonly reports = new Map<string, DailyReportPoint>();
  private readonly alertsByKey = new Map<string, AlertPoint>();

  addSample(s: Sample): void {
    this.samplesById.set(s.eventId, s);
    if (this.lastSampleAt === undefined || s.t > this.lastSampleAt) this.lastSampleAt = s.t;
  }

  addReport(reportDate: string, r: DailyReportPoint): void {
    const existing = this.reports.get(reportDate);
    if (!existing || r.receivedAtMs >= existing.receivedAtMs) this.reports.set(reportDate, r);
  }

  addAlert(eventId: string, a: AlertPoint): void {
    this.alertsByKey.set(`${eventId}|${a.kind}|${a.code}|${a.message}`, a);
  }

  /** Samples with t ≥ from, oldest first. */
  samplesSince(from: number): Sample[] {
    return [...this.samplesById.values()]
      .filter((s) => s.t >= from)
      .sort((a, b) => a.t - b.t || (a.eventId < b.eventId ? -1 : 1));
  }

  alertsSince(from: number): AlertPoint[] {
    return [...this.alertsByKey.values()].filter((a) => a.at >= from).sort((a, b) => a.at - b.at);
  }

  prune(samplesFrom: number, alertsFrom: number, reportsFromDate: string): void {
    for (const [id, s] of this.samplesById) if (s.t < samplesFrom) this.samplesById.delete(id);
    for (const [k, a] of this.alertsByKey) if (a.at < alertsFrom) this.alertsByKey.delete(k);
    for (const d of this.reports.keys()) if (d < reportsFromDate) this.reports.delete(d);
  }
}
