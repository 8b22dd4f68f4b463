import { createHash } from 'node:crypto';
import {
  bilingual,
  MAX_BODY_BYTES,
  SUBJECTS,
  validateBatch,
  type BilingualText,
  type HealthReport,
  type TelemetryBatchMessage,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { parseStrictJson, type Bus } from '@kh02/platform';
import { decryptCredential } from './credentials.js';
import type { PullSource } from './pull-config.js';

export type PullAttempt = { ok: true; reports: number } | { ok: false; error: BilingualText };

export interface PullDeps {
  bus: Bus;
  registry: Registry;
  now: () => number;
  credentialsKey: Buffer | undefined;
  fetch?: typeof fetch;
}

const failure = (vi: string, en: string): PullAttempt => ({ ok: false, error: bilingual(vi, en) });

function authorization(source: PullSource, key: Buffer | undefined): string | undefined {
  if (!source.auth) return undefined;
  if (!key) throw new Error('a pull source has credentials but no PULL_CREDENTIALS_KEY is available');
  if (source.auth.kind === 'bearer') return `Bearer ${decryptCredential(source.auth.sealed_token, key)}`;
  const password = decryptCredential(source.auth.sealed_password, key);
  return `Basic ${Buffer.from(`${source.auth.username}:${password}`).toString('base64')}`;
}

/** The vendor's events must be this system's report for this day, as the registry knows it. */
function wrongReport(e: HealthReport, source: PullSource, forDate: string, registry: Registry): string | undefined {
  const system = registry.system(source.system_id);
  if (e.system_id !== source.system_id) return `system_id ${e.system_id} ≠ ${source.system_id}`;
  if (!system || e.vendor !== system.vendorCode || e.unit_code !== system.unitCode) return `vendor/unit_code`;
  if (e.report_date !== forDate) return `report_date ${e.report_date} ≠ ${forDate}`;
  return undefined;
}

/**
 * One fetch of one system's daily report: GET `<url>?date=<day>`, the body
 * checked against the `health-report` contract like a POST to ingest, then
 * published to the telemetry stream and acknowledged (durable) before it
 * counts as done. Any failure is reported, in both languages, for a retry.
 */
export async function pullOnce(source: PullSource, forDate: string, deps: PullDeps): Promise<PullAttempt> {
  const url = new URL(source.url);
  url.searchParams.set('date', forDate);
  const auth = authorization(source, deps.credentialsKey);
  let raw: Buffer;
  try {
    const res = await (deps.fetch ?? fetch)(url, {
      headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
      signal: AbortSignal.timeout(source.timeout_ms),
    });
    if (!res.ok)
      return failure(
        `Máy chủ nhà cung cấp trả về HTTP ${res.status}.`,
        `The vendor endpoint answered HTTP ${res.status}.`,
      );
    raw = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    const why = (err as Error).message;
    return failure(`Không kết nối được máy chủ nhà cung cấp: ${why}.`, `Could not reach the vendor endpoint: ${why}.`);
  }
  if (raw.length > MAX_BODY_BYTES) return failure('Báo cáo vượt quá 1 MiB.', 'The report is larger than 1 MiB.');
  let body: unknown;
  try {
    body = parseStrictJson(raw);
  } catch (err) {
    return failure(
      `Báo cáo không phải JSON hợp lệ: ${(err as Error).message}.`,
      `The report is not valid JSON: ${(err as Error).message}.`,
    );
  }
  const nowMs = deps.now();
  const v = validateBatch('health_report', body, nowMs);
  const issue = v.envelopeIssues[0] ?? v.rejected[0]?.issues[0];
  if (issue)
    return { ok: false, error: bilingual(`${issue.path}: ${issue.message.vi}`, `${issue.path}: ${issue.message.en}`) };
  const events = v.accepted.map((r) => r.event);
  for (const e of events) {
    const wrong = wrongReport(e, source, forDate, deps.registry);
    if (wrong)
      return failure(
        `Báo cáo không khớp hệ thống hoặc ngày (${wrong}).`,
        `The report does not match the system or day (${wrong}).`,
      );
  }
  const digest = createHash('sha256').update(raw).digest('hex');
  const message: TelemetryBatchMessage = {
    v: 1,
    kind: 'health_report',
    key_id: `pull-${source.system_id}`.slice(0, 40),
    idempotency_key: `pull-${forDate}-${digest.slice(0, 32)}`,
    received_at_ms: nowMs,
    events,
  };
  try {
    await deps.bus.publish(SUBJECTS.telemetry('health_report'), Buffer.from(JSON.stringify(message)), {
      msgId: `pull:${source.system_id}:${forDate}:${digest.slice(0, 32)}`,
      digest,
    });
  } catch (err) {
    const why = (err as Error).message;
    return failure(`Không ghi được vào hàng đợi dữ liệu: ${why}.`, `Could not publish to the data bus: ${why}.`);
  }
  return { ok: true, reports: events.length };
}
