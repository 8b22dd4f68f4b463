// @ts-check
// Turns a scenario definition (+ SCALE / DURATION overrides) into the one execution plan
// both tools follow: k6 gets it as `options`, the Node runner schedules it itself.
import { INGEST_SCENARIOS, TILE_PROBE_PROVINCES, WALL_SCENARIOS } from './definitions.js';
import { formatDuration, parseDuration } from './durations.js';

/**
 * @typedef {{ durationSec: number, target: number }} PlanStage
 *
 * @typedef {object} IngestPlan
 * @property {string} name
 * @property {'constant-arrival-rate' | 'ramping-arrival-rate' | 'constant-vus'} executor
 * @property {number} startRate  requests/s at t = 0 (arrival executors; 0 for constant-vus)
 * @property {PlanStage[]} stages  arrival executors: linear ramps of requests/s (k6 semantics);
 *   constant-vus: a single stage whose target is the number of VUs
 * @property {number} preAllocatedVUs
 * @property {number} maxVUs
 * @property {number | undefined} maxIterations
 * @property {boolean} noConnectionReuse
 * @property {import('./definitions.js').MixEntry[]} mix
 * @property {import('./definitions.js').Thresholds} thresholds
 *
 * @typedef {object} WallPlan
 * @property {string} name
 * @property {number} clients
 * @property {number} connectOverSec
 * @property {number} holdSec
 * @property {number} toggleRatePerSec
 * @property {string[]} probeProvinces
 * @property {import('./definitions.js').Thresholds} thresholds
 *
 * @typedef {{ SCALE?: string, DURATION?: string }} PlanEnv  (k6 `__ENV` / process.env / CLI flags)
 */

/** @param {PlanEnv} env */
function scaleOf(env) {
  const scale = env.SCALE === undefined || env.SCALE === '' ? 1 : Number(env.SCALE);
  if (!(scale > 0)) throw new Error(`SCALE must be a positive number, got ${env.SCALE}`);
  return scale;
}

/** @param {number} value @param {number} scale */
const scaled = (value, scale) => (value === 0 ? 0 : Math.max(1, Math.round(value * scale)));

/**
 * @param {string} name  a key of INGEST_SCENARIOS
 * @param {PlanEnv} [env]
 * @returns {IngestPlan}
 */
export function ingestPlan(name, env = {}) {
  const def = INGEST_SCENARIOS[name];
  if (!def) throw new Error(`unknown ingest scenario ${name}; known: ${Object.keys(INGEST_SCENARIOS).join(', ')}`);
  const scale = scaleOf(env);
  const durationSec = env.DURATION ? parseDuration(env.DURATION) : parseDuration(def.duration ?? '0s');
  /** @type {PlanStage[]} */
  let stages;
  let startRate = 0;
  if (def.executor === 'constant-arrival-rate') {
    startRate = scaled(def.rate ?? 0, scale);
    stages = [{ durationSec, target: startRate }];
  } else if (def.executor === 'ramping-arrival-rate') {
    startRate = scaled(def.startRate ?? 0, scale);
    stages = (def.stages ?? []).map((s) => ({
      durationSec: parseDuration(s.duration),
      target: scaled(s.target, scale),
    }));
  } else {
    stages = [{ durationSec, target: scaled(def.vus ?? 1, scale) }];
  }
  return {
    name,
    executor: def.executor,
    startRate,
    stages,
    preAllocatedVUs: def.preAllocatedVUs,
    maxVUs: def.maxVUs,
    maxIterations: def.maxIterations === undefined ? undefined : scaled(def.maxIterations, scale),
    noConnectionReuse: def.noConnectionReuse ?? false,
    mix: def.mix,
    thresholds: def.thresholds,
  };
}

/**
 * @param {IngestPlan} plan
 * @returns {number} seconds from the first to the last scheduled request
 */
export function planDurationSec(plan) {
  return plan.stages.reduce((sum, s) => sum + s.durationSec, 0);
}

/**
 * How many requests an arrival-rate plan has started by `elapsedSec`: the
 * integral of its piecewise-linear rate (k6 ramps linearly from the previous
 * target), capped by maxIterations.
 * @param {IngestPlan} plan
 * @param {number} elapsedSec
 * @returns {number}
 */
export function iterationsDue(plan, elapsedSec) {
  let total = 0;
  let from = plan.startRate;
  let t = 0;
  for (const stage of plan.stages) {
    const span = Math.min(stage.durationSec, Math.max(0, elapsedSec - t));
    if (stage.durationSec > 0 && span > 0) {
      const slope = (stage.target - from) / stage.durationSec;
      total += from * span + (slope * span * span) / 2;
    }
    t += stage.durationSec;
    from = stage.target;
    if (elapsedSec <= t) break;
  }
  const due = Math.floor(total + 1e-9);
  return plan.maxIterations === undefined ? due : Math.min(due, plan.maxIterations);
}

/**
 * The k6 `options.scenarios` entry for a plan.
 * @param {IngestPlan} plan
 * @param {string} [exec]
 */
export function k6Scenario(plan, exec = 'default') {
  const common = { exec, preAllocatedVUs: plan.preAllocatedVUs, maxVUs: plan.maxVUs };
  const first = plan.stages[0] ?? { durationSec: 0, target: 0 };
  if (plan.executor === 'constant-arrival-rate') {
    return {
      executor: plan.executor,
      rate: first.target,
      timeUnit: '1s',
      duration: formatDuration(first.durationSec),
      ...common,
    };
  }
  if (plan.executor === 'ramping-arrival-rate') {
    return {
      executor: plan.executor,
      startRate: plan.startRate,
      timeUnit: '1s',
      stages: plan.stages.map((s) => ({ duration: formatDuration(s.durationSec), target: s.target })),
      ...common,
    };
  }
  return { executor: plan.executor, exec, vus: first.target, duration: formatDuration(first.durationSec) };
}

/**
 * Complete k6 `options` for an ingest scenario.
 * @param {string} name
 * @param {PlanEnv} [env]
 */
export function k6IngestOptions(name, env = {}) {
  const plan = ingestPlan(name, env);
  return {
    ...(plan.noConnectionReuse ? { noConnectionReuse: true } : {}),
    scenarios: { [name]: k6Scenario(plan) },
    thresholds: plan.thresholds,
    summaryTrendStats: ['avg', 'p(50)', 'p(90)', 'p(99)', 'max'],
  };
}

/**
 * @param {string} name  a key of WALL_SCENARIOS
 * @param {PlanEnv} [env]
 * @returns {WallPlan}
 */
export function wallPlan(name, env = {}) {
  const def = WALL_SCENARIOS[name];
  if (!def) throw new Error(`unknown wall scenario ${name}; known: ${Object.keys(WALL_SCENARIOS).join(', ')}`);
  return {
    name,
    clients: scaled(def.clients, scaleOf(env)),
    connectOverSec: parseDuration(def.connectOver),
    holdSec: env.DURATION ? parseDuration(env.DURATION) : parseDuration(def.hold),
    toggleRatePerSec: def.toggleRatePerSec,
    probeProvinces: TILE_PROBE_PROVINCES,
    thresholds: def.thresholds,
  };
}

/**
 * k6 `options` for a wall scenario: one VU per wall (connect, hold, close) and a
 * small arrival-rate scenario that flips probe tiles so diffs flow.
 * @param {string} name
 * @param {PlanEnv} [env]
 */
export function k6WallOptions(name, env = {}) {
  const plan = wallPlan(name, env);
  const total = plan.connectOverSec + plan.holdSec;
  return {
    scenarios: {
      walls: {
        executor: 'per-vu-iterations',
        exec: 'wall',
        vus: plan.clients,
        iterations: 1,
        maxDuration: formatDuration(total + 30),
      },
      tiles: {
        executor: 'constant-arrival-rate',
        exec: 'toggleTile',
        rate: plan.toggleRatePerSec,
        timeUnit: '1s',
        startTime: formatDuration(plan.connectOverSec),
        duration: formatDuration(plan.holdSec),
        preAllocatedVUs: 4,
        maxVUs: 16,
      },
    },
    thresholds: plan.thresholds,
    summaryTrendStats: ['avg', 'p(50)', 'p(90)', 'p(99)', 'max'],
  };
}
