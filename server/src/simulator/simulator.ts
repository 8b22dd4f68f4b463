import { randomUUID } from 'node:crypto';
import {
  addDays,
  vnLocalDate,
  vnMidnight,
  vnMinuteOfDay,
  type CounterReport,
  type HealthReport,
  type HealthSample,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Logger } from '@kh02/platform';
import { backfillSamples } from './backfill.js';
import { countsAt } from './curves.js';
import { dailyReportOf } from './demo-reports.js';
import { pushAsPrometheus } from './demo-remote-write.js';
import { communeProfiles, mulberry32, systemProfiles, type CommuneProfile, type SystemProfile } from './profiles.js';

export interface SimulatorOptions {
  ingestUrl: string;
  tokens: Record<string, string>;
  registry: Registry;
  sampleEveryMs: number;
  counterEveryMs: number;
  logger: Logger;
  now?: () => number;
  /** A system whose daily report the api pulls from the demo vendor endpoint (not pushed here). */
  pulledSystemId?: string;
}

/** The vendor whose systems the demo pushes as Prometheus remote-write series (the others post JSON). */
export const REMOTE_WRITE_DEMO_VENDOR = 'FPT';

const BURST_MINUTE = 17 * 60;

/**
 * Plays every vendor and every commune counter through the real ingest API,
 * so the embedded wall is alive out of the box: frequent health samples,
 * the 08:00 daily reports, cumulative counts through the working day, the
 * 17h00 end-of-day burst, a few failing systems and some silent communes.
 */
export class DemoSimulator {
  private readonly communes: CommuneProfile[];
  private readonly systems: SystemProfile[];
  private readonly random = mulberry32(20250701);
  private timers: NodeJS.Timeout[] = [];
  private reportsSentFor = '';
  private burstDoneFor = '';
  private stopped = false;
  readonly stats = { requests: 0, failures: 0, events: 0 };
  private readonly now: () => number;

  constructor(private readonly opts: SimulatorOptions) {
    this.now = opts.now ?? Date.now;
    this.communes = communeProfiles(opts.registry);
    this.systems = systemProfiles(opts.registry);
  }

  async start(): Promise<void> {
    const today = vnLocalDate(this.now());
    // History first, so "vs yesterday" and the 08:00 check have something to compare, and the last working
    // day (a Friday, before a holiday) is closed by its end-of-day report; days off send nothing.
    // Only days ingest still accepts (counter reports up to 72 h old).
    for (let back = 3; back >= 1; back--) {
      const day = addDays(today, -back);
      if (vnMidnight(day) + (17 * 60 + 30) * 60_000 > this.now() - 71 * 3_600_000)
        await this.sendCounters(day, 17 * 60 + 30);
    }
    await this.backfill(today);
    await this.sendDailyReports();
    await this.tickSamples();
    await this.tickCounters();
    this.timers.push(setInterval(() => void this.tickSamples(), this.opts.sampleEveryMs));
    this.timers.push(setInterval(() => void this.tickCounters(), this.opts.counterEveryMs));
    this.timers.push(setInterval(() => void this.tickSchedule(), 1_000));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /**
   * A day of history for the drill-down's charts, so a fresh demo does not show one dot: samples every
   * 5 min for 24 h, and counters at the end of each past working hour today and yesterday. Stable event
   * ids: a restart re-sends the same events and the writer keeps each once.
   */
  private async backfill(today: string): Promise<void> {
    const started = Date.now();
    let samples = 0;
    for (const batch of backfillSamples(this.systems, this.now())) {
      samples += batch.length;
      await this.post(
        '/v1/health-samples',
        this.opts.tokens[`vendor-${(batch[0]?.vendor ?? '').toLowerCase()}`],
        batch,
      );
    }
    const yesterday = addDays(today, -1);
    const currentHour = Math.floor(vnMinuteOfDay(this.now()) / 60);
    for (let h = 7; h <= 17; h++) await this.sendCounters(yesterday, h * 60 + 59, 0, true);
    for (let h = 7; h < currentHour; h++) await this.sendCounters(today, h * 60 + 59, 0, true);
    this.opts.logger.info({ samples, ms: Date.now() - started }, 'simulator: sent a day of history for the charts');
  }

  private async post(path: string, token: string | undefined, events: unknown[]): Promise<void> {
    if (!token || events.length === 0 || this.stopped) return;
    const idem = randomUUID();
    for (let attempt = 0; attempt < 4; attempt++) {
      this.stats.requests++;
      try {
        const res = await fetch(`${this.opts.ingestUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': idem },
          body: JSON.stringify({ events }),
        });
        if (res.status === 202 || res.status === 207) {
          this.stats.events += events.length;
          return;
        }
        if (res.status !== 503 && res.status !== 429) {
          this.stats.failures++;
          this.opts.logger.warn(
            { path, status: res.status, body: (await res.text()).slice(0, 500) },
            'simulator request rejected',
          );
          return;
        }
      } catch (err) {
        if (this.stopped) return;
        this.opts.logger.debug({ err }, 'simulator request failed; retrying');
      }
      // Same Idempotency-Key on every retry: the bus drops a repeat that did get through.
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
    this.stats.failures++;
  }

  private sampleFor(s: SystemProfile, at: number): HealthSample {
    const jitter = () => (this.random() - 0.5) * 10;
    const hot = s.trouble === 'overloaded';
    const sample: HealthSample = {
      event_id: randomUUID(),
      vendor: s.vendor,
      system_id: s.id,
      unit_code: s.unitCode,
      observed_at: new Date(at).toISOString(),
      uptime_pct: hot ? 97 + this.random() * 2 : 99.9 + this.random() * 0.1,
      cpu_pct: Math.max(0, Math.min(100, hot ? 96 + this.random() * 4 : s.cpuBase + jitter())),
      ram_pct: Math.max(0, Math.min(100, hot ? 91 + this.random() * 5 : s.ramBase + jitter())),
      net_in_bps: Math.round(2e7 + this.random() * 8e7),
      net_out_bps: Math.round(1e7 + this.random() * 5e7),
      response_ms: Math.round(hot ? 4000 + this.random() * 3000 : 150 + this.random() * 250),
    };
    if (s.trouble === 'breached') {
      sample.alerts = [
        {
          kind: 'security',
          severity: 'critical',
          message: 'Phát hiện đăng nhập trái phép vào tài khoản quản trị',
          code: 'SEC-AUTH-001',
        },
      ];
    }
    return sample;
  }

  private async tickSamples(): Promise<void> {
    const at = this.now();
    const byVendor = new Map<string, HealthSample[]>();
    for (const s of this.systems) {
      if (s.trouble === 'down') continue;
      const list = byVendor.get(s.vendor) ?? [];
      list.push(this.sampleFor(s, at));
      byVendor.set(s.vendor, list);
    }
    await Promise.all(
      [...byVendor].map(([vendor, events]) => {
        const token = this.opts.tokens[`vendor-${vendor.toLowerCase()}`];
        if (vendor !== REMOTE_WRITE_DEMO_VENDOR) return this.post('/v1/health-samples', token, events);
        // Series cannot carry alerts: a sample with alerts still goes as JSON.
        const plain = events.filter((e) => !e.alerts);
        return Promise.all([
          this.pushSeries(token, plain),
          this.post(
            '/v1/health-samples',
            token,
            events.filter((e) => e.alerts),
          ),
        ]);
      }),
    );
  }

  private async pushSeries(token: string | undefined, samples: HealthSample[]): Promise<void> {
    if (!token || samples.length === 0 || this.stopped) return;
    this.stats.requests++;
    const outcome = await pushAsPrometheus(this.opts.ingestUrl, token, samples);
    if (outcome.ok) this.stats.events += samples.length;
    else {
      this.stats.failures++;
      this.opts.logger.warn({ status: outcome.status, body: outcome.body }, 'simulator remote-write rejected');
    }
  }

  /** Yesterday's System Health Report for every system, once a day (not for the ones that "forget"). */
  private async sendDailyReports(): Promise<void> {
    const today = vnLocalDate(this.now());
    if (this.reportsSentFor === today) return;
    this.reportsSentFor = today;
    const yesterday = addDays(today, -1);
    const byVendor = new Map<string, HealthReport[]>();
    for (const s of this.systems) {
      if (s.trouble === 'no_report' || s.trouble === 'down') continue;
      if (s.id === this.opts.pulledSystemId) continue;
      const list = byVendor.get(s.vendor) ?? [];
      list.push(dailyReportOf(s, yesterday));
      byVendor.set(s.vendor, list);
    }
    await Promise.all(
      [...byVendor].map(([vendor, events]) =>
        this.post('/v1/health-reports', this.opts.tokens[`vendor-${vendor.toLowerCase()}`], events),
      ),
    );
  }

  private async sendCounters(localDate: string, minuteOfDay: number, jitterMs = 0, stableIds = false): Promise<void> {
    const intervalEnd = Math.min(this.now(), vnMidnight(localDate) + minuteOfDay * 60_000);
    const byProvince = new Map<string, CounterReport[]>();
    for (const c of this.communes) {
      if (c.silent) continue;
      const counts = countsAt(c, localDate, minuteOfDay);
      if (counts.received === 0) continue;
      const list = byProvince.get(c.provinceCode) ?? [];
      list.push({
        event_id: stableIds ? `sim-${c.code}-${localDate}-${minuteOfDay}` : randomUUID(),
        unit_code: c.code,
        interval_end: new Date(intervalEnd).toISOString(),
        ...counts,
      });
      byProvince.set(c.provinceCode, list);
    }
    await Promise.all(
      [...byProvince].map(async ([province, events]) => {
        if (jitterMs > 0) await new Promise((r) => setTimeout(r, this.random() * jitterMs));
        await this.post('/v1/counter-reports', this.opts.tokens[`counter-p${province}`], events);
      }),
    );
  }

  private async tickCounters(): Promise<void> {
    const now = this.now();
    await this.sendCounters(vnLocalDate(now), vnMinuteOfDay(now));
  }

  /** The clock-driven moments of the day: 07:00 daily reports, 17:00 end-of-day burst. */
  private async tickSchedule(): Promise<void> {
    const now = this.now();
    const today = vnLocalDate(now);
    const minute = vnMinuteOfDay(now);
    if (minute >= 7 * 60 && this.reportsSentFor !== today) await this.sendDailyReports();
    if (minute >= BURST_MINUTE && minute < BURST_MINUTE + 5 && this.burstDoneFor !== today) {
      this.burstDoneFor = today;
      this.opts.logger.info('17h00: every commune sends its end-of-day counts');
      await this.sendCounters(today, minute, 3_000);
    }
  }
}
