import type { BilingualText, TelemetryKind } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { IngestClient, IngestResponse } from './ingest-client.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckOutcome {
  status: CheckStatus;
  /** What was seen, one line each (shown under the check in the report). */
  detail: string[];
}

export interface CheckResult extends CheckOutcome {
  id: string;
  title: BilingualText;
}

/** What the checks share: the sandbox, the vendor's key and payload, and what earlier checks learned. */
export interface CheckContext {
  client: IngestClient;
  token: string;
  kind: TelemetryKind;
  path: string;
  /** The payload exactly as the vendor supplied it. */
  original: unknown;
  /** A new copy of the payload with fresh event ids (and times moved to now unless --no-refresh). */
  fresh(): unknown;
  refreshTimes: boolean;
  sign: boolean;
  now: () => number;
  registry: Registry;
  state: {
    schemaOk?: boolean;
    accepted?: { body: string; idempotencyKey: string; busSeq: number };
  };
}

export interface ConformanceCheck {
  id: string;
  title: BilingualText;
  run(ctx: CheckContext): Promise<CheckOutcome> | CheckOutcome;
}

export const pass = (...detail: string[]): CheckOutcome => ({ status: 'pass', detail });
export const fail = (...detail: string[]): CheckOutcome => ({ status: 'fail', detail });
export const skip = (...detail: string[]): CheckOutcome => ({ status: 'skip', detail });

function errorCode(res: IngestResponse): string | undefined {
  const body = res.json as { error?: { code?: unknown } } | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

/** Passes when the server answered with this status and error code. */
export function expectError(res: IngestResponse, status: number, code: string): CheckOutcome {
  const got = errorCode(res);
  if (res.status === status && got === code) return pass(`HTTP ${status} ${code}`);
  return fail(`expected HTTP ${status} ${code}, got HTTP ${res.status} ${got ?? res.text.slice(0, 200)}`);
}
