// Shared k6 code for the ingest scenarios: one POST per iteration, built by the same
// payload generator the Node runner uses (../../scenarios). k6 APIs only: no Node built-ins.
/* global __ENV, open */
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { createRequestFactory, ingestPlan, k6IngestOptions } from '../../scenarios/index.js';

const INGEST_URL = __ENV.INGEST_URL || 'http://127.0.0.1:8080';

function readTokens() {
  if (!__ENV.TOKENS_FILE) {
    throw new Error(
      'set TOKENS_FILE to the key credentials file, e.g. -e TOKENS_FILE=$PWD/data/api-keys.demo-credentials.json',
    );
  }
  return JSON.parse(open(__ENV.TOKENS_FILE));
}

const eventsAccepted = new Counter('events_accepted');

/** k6 `options` for a scenario of load/scenarios/definitions.js (SCALE and DURATION from -e). */
export function ingestOptions(name) {
  return k6IngestOptions(name, __ENV);
}

/** One run id for the whole test (setup runs once), so stored rows can be counted per run. */
export function ingestSetup() {
  return { runId: __ENV.RUN_ID || `k6${Date.now().toString(36)}` };
}

/** The iteration function of scenario `name`. */
export function ingestIteration(name) {
  const plan = ingestPlan(name, __ENV);
  const tokens = readTokens();
  let factory;
  return function iteration(data) {
    const i = exec.scenario.iterationInTest;
    if (plan.maxIterations !== undefined && i >= plan.maxIterations) return;
    factory = factory || createRequestFactory(plan.mix, { runId: data.runId });
    const req = factory(i, Date.now());
    const res = http.post(`${INGEST_URL}${req.path}`, req.body, {
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[req.keyId]}`,
        'idempotency-key': req.idempotencyKey,
      },
      tags: { kind: req.kind },
    });
    check(res, {
      'answered: 2xx, or 429/503 with Retry-After': (r) =>
        (r.status >= 200 && r.status < 300) ||
        ((r.status === 429 || r.status === 503) && Boolean(r.headers['Retry-After'])),
    });
    if (res.status === 202) eventsAccepted.add(req.events);
  };
}
