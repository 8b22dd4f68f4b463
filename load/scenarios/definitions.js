// @ts-check
// The load scenarios, written once. Plain ESM data with relative imports only, so the
// k6 scripts (load/k6/*.js) and the Node runner (load/src/runner) read the same objects.
import { COUNTER_SOURCES, SYSTEM_SOURCES } from './sources.js';

/**
 * @typedef {'counter_report' | 'health_sample'} LoadKind
 * @typedef {{ kind: LoadKind, weight: number, batch: number }} MixEntry
 *   One request stream: `weight` shares of the iterations, each posting `batch` events.
 * @typedef {{ duration: string, target: number }} Stage
 * @typedef {Record<string, string[]>} Thresholds  k6 threshold expressions, per metric.
 *
 * @typedef {object} IngestScenario
 * @property {string} title
 * @property {string} purpose
 * @property {'constant-arrival-rate' | 'ramping-arrival-rate' | 'constant-vus'} executor
 * @property {number} [rate]       requests/s (constant-arrival-rate)
 * @property {string} [duration]   constant executors
 * @property {number} [startRate]  ramping-arrival-rate
 * @property {Stage[]} [stages]    ramping-arrival-rate: targets in requests/s
 * @property {number} [vus]        constant-vus: closed loop, as fast as answers come back
 * @property {number} preAllocatedVUs
 * @property {number} maxVUs       most requests in flight at once (k6: VUs; Node runner: in-flight cap)
 * @property {number} [maxIterations]  stop after this many requests (every source once)
 * @property {boolean} [noConnectionReuse]  a new TCP connection per request (k6 option of the same name)
 * @property {MixEntry[]} mix
 * @property {Thresholds} thresholds
 *
 * @typedef {object} WallScenario
 * @property {string} title
 * @property {string} purpose
 * @property {number} clients          socket.io walls held open
 * @property {string} connectOver      connections are spread over this (no thundering herd)
 * @property {string} hold             how long every wall stays subscribed once all are in
 * @property {number} toggleRatePerSec tile colour changes driven per second (≤ 4: the wall's coalescing budget)
 * @property {Thresholds} thresholds
 */

/** Every commune-level counter (3,321 communes + 34 provincial centres in the default registry). */
export const COUNTER_TOTAL = COUNTER_SOURCES.reduce((n, [, , codes]) => n + codes.length, 0);
/** Every vendor-operated system that sends health samples. */
export const SYSTEM_TOTAL = SYSTEM_SOURCES.reduce((n, [, systems]) => n + systems.length, 0);

/**
 * Provinces whose tiles the POST → wall latency probe flips red/green through
 * their provincial centre's counter report. Load generators leave these
 * centres alone while a probe runs (latest report wins, so load would mask it).
 */
export const TILE_PROBE_PROVINCES = ['01', '79', '31', '48', '92', '46', '38', '40'];

/** 70 % counter reports, 30 % health samples: the 3,355 counters dominate the source count. */
const DAY_MIX_SINGLE = /** @type {MixEntry[]} */ ([
  { kind: 'counter_report', weight: 7, batch: 1 },
  { kind: 'health_sample', weight: 3, batch: 1 },
]);
const DAY_MIX_BATCH = /** @type {MixEntry[]} */ ([
  { kind: 'counter_report', weight: 7, batch: 100 },
  { kind: 'health_sample', weight: 3, batch: 100 },
]);

const ACCEPT_SLO = {
  http_req_failed: ['rate==0'],
  http_req_duration: ['p(99)<50'],
  dropped_iterations: ['count==0'],
};

/** Each counter and each system exactly once, spread over a 4-second triangle-topped ramp (∫ = 3 × peak). */
const BURST_SOURCES = COUNTER_TOTAL + SYSTEM_TOTAL;
const BURST_PEAK = Math.ceil(BURST_SOURCES / 3);

/** @type {Record<string, IngestScenario>} */
export const INGEST_SCENARIOS = {
  'steady-day': {
    title: 'Steady working day',
    purpose: '≈1,000 events/s, single-event POSTs across the 3,355 counters and the vendor systems (T1)',
    executor: 'constant-arrival-rate',
    rate: 1_000,
    duration: '60s',
    preAllocatedVUs: 20,
    maxVUs: 500,
    mix: DAY_MIX_SINGLE,
    thresholds: ACCEPT_SLO,
  },
  'burst-17h': {
    title: '17h00 end-of-day burst',
    purpose: 'every commune and provincial counter plus every health reporter within ~4 s (T2)',
    executor: 'ramping-arrival-rate',
    startRate: 0,
    stages: [
      { duration: '1s', target: BURST_PEAK },
      { duration: '2s', target: BURST_PEAK },
      { duration: '1s', target: 0 },
    ],
    preAllocatedVUs: 200,
    maxVUs: 2_000,
    maxIterations: BURST_SOURCES,
    // 3,355 counters do not hold connections open between 5-minute reports: every one connects anew.
    noConnectionReuse: true,
    mix: [
      { kind: 'counter_report', weight: COUNTER_TOTAL, batch: 1 },
      { kind: 'health_sample', weight: SYSTEM_TOTAL, batch: 1 },
    ],
    // 429/503 are allowed answers in a burst, but only with Retry-After (the `answered` check).
    thresholds: { checks: ['rate==1'], http_req_duration: ['p(99)<500'] },
  },
  'burst-17h-sharp': {
    title: '17h00 burst, every clock in sync',
    purpose: 'the same 3,355 counters + reporters inside one second (cron at 17:00:00 on NTP-synced servers)',
    executor: 'ramping-arrival-rate',
    startRate: 0,
    stages: [
      { duration: '250ms', target: Math.ceil(BURST_SOURCES / 0.75) },
      { duration: '500ms', target: Math.ceil(BURST_SOURCES / 0.75) },
      { duration: '250ms', target: 0 },
    ],
    preAllocatedVUs: 500,
    maxVUs: 4_000,
    maxIterations: BURST_SOURCES,
    noConnectionReuse: true,
    mix: [
      { kind: 'counter_report', weight: COUNTER_TOTAL, batch: 1 },
      { kind: 'health_sample', weight: SYSTEM_TOTAL, batch: 1 },
    ],
    thresholds: { checks: ['rate==1'], http_req_duration: ['p(99)<500'] },
  },
  x10: {
    title: '10× day',
    purpose: '10,000 events/s as single-event POSTs (T3)',
    executor: 'constant-arrival-rate',
    rate: 10_000,
    duration: '60s',
    preAllocatedVUs: 200,
    maxVUs: 2_000,
    mix: DAY_MIX_SINGLE,
    thresholds: ACCEPT_SLO,
  },
  x100: {
    title: '100× day',
    purpose: '100,000 events/s as 100-event batches = 1,000 POSTs/s (T4)',
    executor: 'constant-arrival-rate',
    rate: 1_000,
    duration: '60s',
    preAllocatedVUs: 50,
    maxVUs: 500,
    mix: DAY_MIX_BATCH,
    thresholds: ACCEPT_SLO,
  },
  'saturate-single': {
    title: 'Ceiling, single events',
    purpose: 'closed loop, 64 in flight: the most single-event POSTs/s the system answers',
    executor: 'constant-vus',
    vus: 64,
    duration: '20s',
    preAllocatedVUs: 64,
    maxVUs: 64,
    mix: DAY_MIX_SINGLE,
    thresholds: { http_req_failed: ['rate==0'] },
  },
  'saturate-batch': {
    title: 'Ceiling, 100-event batches',
    purpose: 'closed loop, 16 in flight: the most batched events/s the system answers',
    executor: 'constant-vus',
    vus: 16,
    duration: '20s',
    preAllocatedVUs: 16,
    maxVUs: 16,
    mix: DAY_MIX_BATCH,
    thresholds: { http_req_failed: ['rate==0'] },
  },
};

/** @type {Record<string, WallScenario>} */
export const WALL_SCENARIOS = {
  'wall-fanout': {
    title: 'Wall fan-out',
    purpose: '1,000 socket.io walls subscribed while tiles change at ≤ 4 diffs/s (F1)',
    clients: 1_000,
    connectOver: '10s',
    hold: '30s',
    toggleRatePerSec: 4,
    thresholds: { wall_diff_latency: ['p(99)<100'] },
  },
};
