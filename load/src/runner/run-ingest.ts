import { createRequestFactory, iterationsDue, planDurationSec, type IngestPlan } from '../../scenarios/index.js';
import { IngestClient, type IngestAnswer } from './ingest-client.js';
import { LatencyRecorder, type LatencySummary } from './latency-recorder.js';
import { evaluateThresholds, type ThresholdVerdict } from './thresholds.js';

export interface IngestRunOptions {
  ingestUrl: string;
  tokens: Record<string, string>;
  runId: string;
  /** Units the load must leave alone (e.g. the tile probe's provincial centres). */
  excludeUnits?: readonly string[];
  /**
   * Keep-alive connections (default: min(maxVUs, 256), opened before the run; requests beyond wait in
   * the client, and that wait counts as latency). With noConnectionReuse: maxVUs.
   */
  connections?: number;
  /** Called once connections are open, just before the first scheduled request. */
  onStart?: () => void;
  now?: () => number;
}

export interface IngestRunResult {
  scenario: string;
  runId: string;
  executor: IngestPlan['executor'];
  startedAtMs: number;
  /** From the first request sent to the last answer. */
  elapsedSec: number;
  requests: { sent: number; dropped: number; byStatus: Record<string, number> };
  events: { sent: number; accepted: number };
  requestsPerSec: number;
  acceptedEventsPerSec: number;
  /** Answer time of every request (k6's http_req_duration). */
  latencyMs: LatencySummary;
  /** Worst delay between when a request was due and when it left (generator saturation). */
  maxScheduleLagMs: number;
  /** CPU the generator itself used, % of one core (it shares the machine with the system). */
  generatorCpuPercent: number;
  checksPassed: number;
  thresholds: ThresholdVerdict[];
}

/** The burst's check: every request answered with 2xx, or refused with 429/503 + Retry-After. */
export function answeredProperly(a: IngestAnswer): boolean {
  if (a.status >= 200 && a.status < 300) return true;
  return (a.status === 429 || a.status === 503) && a.retryAfter;
}

/**
 * Runs one ingest scenario the way k6 would: arrival-rate executors start
 * requests on schedule whether or not earlier ones have answered (an open
 * model: a slow server shows as latency and dropped iterations, not as a
 * politely slower client); constant-vus loops as fast as answers come back.
 */
export async function runIngestScenario(plan: IngestPlan, opts: IngestRunOptions): Promise<IngestRunResult> {
  const now = opts.now ?? Date.now;
  const client = new IngestClient(
    opts.ingestUrl,
    opts.tokens,
    // Fresh connections per request model independent clients: no client-side queue in front of them.
    opts.connections ?? (plan.noConnectionReuse ? plan.maxVUs : Math.min(plan.maxVUs, 256)),
    plan.noConnectionReuse,
  );
  await client.warm();
  const factory = createRequestFactory(plan.mix, {
    runId: opts.runId,
    ...(opts.excludeUnits ? { excludeUnits: opts.excludeUnits } : {}),
  });
  const latency = new LatencyRecorder();
  const byStatus: Record<string, number> = {};
  const counts = { sent: 0, dropped: 0, events: 0, accepted: 0, failed: 0, checks: 0, inFlight: 0, lag: 0 };
  let lastAnswerAt = 0;

  const fire = async (i: number) => {
    const req = factory(i, now());
    counts.sent++;
    counts.events += req.events;
    counts.inFlight++;
    const answer = await client.send(req);
    counts.inFlight--;
    lastAnswerAt = performance.now();
    latency.record(answer.latencyMs);
    byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    counts.accepted += answer.accepted;
    if (answer.status === 0 || answer.status >= 400) counts.failed++;
    if (answeredProperly(answer)) counts.checks++;
  };

  opts.onStart?.();
  const startedAtMs = now();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const durationSec = planDurationSec(plan);
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  if (plan.executor === 'constant-vus') {
    let next = 0;
    const vus = plan.stages[0]?.target ?? 1;
    const loop = async () => {
      while ((performance.now() - t0) / 1000 < durationSec) await fire(next++);
    };
    await Promise.all(Array.from({ length: vus }, loop));
  } else {
    await new Promise<void>((resolve) => {
      let started = 0;
      const total = iterationsDue(plan, Number.POSITIVE_INFINITY);
      const timer = setInterval(() => {
        const elapsedSec = (performance.now() - t0) / 1000;
        const due = iterationsDue(plan, elapsedSec);
        if (due > started) {
          // How late the oldest due request is: the tick interval plus any event-loop stall.
          const dueAtSec = firstDueAt(plan, started + 1, elapsedSec);
          counts.lag = Math.max(counts.lag, (elapsedSec - dueAtSec) * 1000);
        }
        while (started < due) {
          if (counts.inFlight >= plan.maxVUs) counts.dropped++;
          else track(fire(started));
          started++;
        }
        if (started >= total || elapsedSec >= durationSec) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
  }
  await Promise.all(pending);
  await client.close();

  const elapsedSec = Math.max(0.001, ((lastAnswerAt || performance.now()) - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  const total = counts.sent;
  const thresholds = evaluateThresholds(plan.thresholds, {
    http_req_duration: { type: 'trend', recorder: latency },
    http_req_failed: { type: 'rate', passes: counts.failed, total },
    dropped_iterations: { type: 'counter', count: counts.dropped },
    checks: { type: 'rate', passes: counts.checks, total },
    events_accepted: { type: 'counter', count: counts.accepted },
  });
  return {
    scenario: plan.name,
    runId: opts.runId,
    executor: plan.executor,
    startedAtMs,
    elapsedSec,
    requests: { sent: counts.sent, dropped: counts.dropped, byStatus },
    events: { sent: counts.events, accepted: counts.accepted },
    requestsPerSec: counts.sent / elapsedSec,
    acceptedEventsPerSec: counts.accepted / elapsedSec,
    latencyMs: latency.summary(),
    maxScheduleLagMs: counts.lag,
    generatorCpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsedSec) * 100,
    checksPassed: counts.checks,
    thresholds,
  };
}

/** When (s) the n-th request of an arrival plan became due, by bisection on the rate integral. */
function firstDueAt(plan: IngestPlan, n: number, upperSec: number): number {
  let lo = 0;
  let hi = upperSec;
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    if (iterationsDue(plan, mid) >= n) hi = mid;
    else lo = mid;
  }
  return hi;
}
