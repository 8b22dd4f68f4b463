import { randomUUID } from 'node:crypto';
import { INGEST_ROUTES, type TelemetryKind } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { CheckContext, CheckResult } from './check-types.js';
import { HTTP_CHECKS } from './checks-http.js';
import { PAYLOAD_CHECKS } from './checks-payload.js';
import { PUSH_CHECKS } from './checks-push.js';
import { IngestClient } from './ingest-client.js';
import { refreshPayload } from './payloads.js';

export interface CheckRunOptions {
  url: string;
  token: string;
  kind: TelemetryKind;
  payload: unknown;
  registry: Registry;
  /** Move the payload's times to now for the live checks (default true). */
  refreshTimes?: boolean;
  sign?: boolean;
  /** Only the local checks (token format, contract, time window): nothing is sent. */
  offline?: boolean;
  now?: () => number;
}

export interface CheckRun {
  url: string;
  kind: TelemetryKind;
  results: CheckResult[];
  passed: boolean;
}

/** Runs every check in order (later ones use what earlier ones learned) and never throws on a failed check. */
export async function runChecks(opts: CheckRunOptions): Promise<CheckRun> {
  const now = opts.now ?? Date.now;
  const refreshTimes = opts.refreshTimes ?? true;
  const runId = randomUUID().slice(0, 8);
  let copies = 0;
  const ctx: CheckContext = {
    client: new IngestClient(opts.url, now),
    token: opts.token,
    kind: opts.kind,
    path: INGEST_ROUTES[opts.kind],
    original: opts.payload,
    fresh: () => {
      const id = `${runId}-${++copies}`;
      if (refreshTimes) return refreshPayload(opts.kind, opts.payload, now(), id);
      // Only the event ids change, so repeated checks are not duplicates of each other.
      return refreshPayload(opts.kind, opts.payload, now(), id, { keepTimes: true });
    },
    refreshTimes,
    sign: opts.sign ?? false,
    now,
    registry: opts.registry,
    state: {},
  };
  const results: CheckResult[] = [];
  for (const check of opts.offline ? PAYLOAD_CHECKS : [...PAYLOAD_CHECKS, ...HTTP_CHECKS, ...PUSH_CHECKS]) {
    try {
      results.push({ id: check.id, title: check.title, ...(await check.run(ctx)) });
    } catch (err) {
      results.push({ id: check.id, title: check.title, status: 'fail', detail: [`error: ${(err as Error).message}`] });
    }
  }
  return { url: opts.url, kind: opts.kind, results, passed: results.every((r) => r.status !== 'fail') };
}
