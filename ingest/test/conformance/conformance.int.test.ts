import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '@kh02/schemas/registry';
import { makeTempDir } from '@kh02/platform/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyRecordSchema, generateToken } from '../../src/auth/api-keys.js';
import { counter, dailyReport, HANOI_COMMUNE, sample } from '@kh02/testkit';
import { startIngestHarness, type IngestHarness } from '@kh02/testkit';
import { formatCheckReport } from '../../src/conformance/report.js';
import { runChecks, type CheckRun } from '../../src/conformance/run-checks.js';

const registry = defaultRegistry();
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const signed = generateToken('vendor-vnpt-signed');
let h: IngestHarness;
let url: string;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  h = await startIngestHarness({
    now: Date.now,
    extraKeys: [
      ApiKeyRecordSchema.parse({
        id: 'vendor-vnpt-signed',
        label: 'VNPT, signed requests',
        kind: 'vendor',
        vendor: 'VNPT',
        secret_sha256: [signed.secretSha256],
        require_signature: true,
      }),
    ],
  });
  url = (await h.app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1');
  dir = await makeTempDir('conformance');
});
afterAll(async () => {
  await h.close();
  await dir.remove();
});

const statuses = (run: CheckRun) => Object.fromEntries(run.results.map((r) => [r.id, r.status]));
const vnptToken = () => h.tokens['vendor-vnpt'] ?? '';

describe('vendor conformance kit against a live ingest endpoint', () => {
  it('passes a conforming vendor: every check on samples, with a saved (old) payload file', async () => {
    const run = await runChecks({ url, token: vnptToken(), kind: 'health_sample', payload: sample(), registry });
    expect(statuses(run), formatCheckReport(run)).toEqual({
      'token-format': 'pass',
      'payload-schema': 'pass',
      'time-window': 'skip',
      'auth-missing': 'pass',
      'auth-invalid': 'pass',
      'idempotency-key-required': 'pass',
      'json-only': 'pass',
      accepted: 'pass',
      'idempotent-retry': 'pass',
      'idempotency-conflict': 'pass',
      'scope-enforced': 'pass',
      'partial-batch': 'pass',
      'signature-enforced': 'skip',
      'remote-write-auth': 'pass',
      'remote-write-bad-body': 'pass',
      'remote-write-accepted': 'pass',
    });
    expect(run.passed).toBe(true);
    expect(formatCheckReport(run)).toContain('ĐẠT / PASSED');
  });

  it('passes batches of daily reports and counter reports with their own keys', async () => {
    const reports = await runChecks({
      url,
      token: vnptToken(),
      kind: 'health_report',
      payload: { events: [dailyReport(), dailyReport()] },
      registry,
    });
    expect(reports.passed, formatCheckReport(reports)).toBe(true);
    const counters = await runChecks({
      url,
      token: h.tokens['counter-p01'] ?? '',
      kind: 'counter_report',
      payload: counter({ unit_code: HANOI_COMMUNE }),
      registry,
    });
    expect(counters.passed, formatCheckReport(counters)).toBe(true);
  });

  it('fails a payload that breaks the contract, and says where', async () => {
    const run = await runChecks({
      url,
      token: vnptToken(),
      kind: 'health_sample',
      payload: sample({ cpu_pct: 150 }),
      registry,
    });
    expect(run.passed).toBe(false);
    const schema = run.results.find((r) => r.id === 'payload-schema');
    expect(schema?.status).toBe('fail');
    expect(schema?.detail.join('\n')).toContain(
      'cpu_pct: Giá trị không được lớn hơn 100. / Value must be at most 100.',
    );
    expect(statuses(run).accepted).toBe('skip');
  });

  it('fails when the key does not cover the vendor’s systems', async () => {
    const run = await runChecks({
      url,
      token: h.tokens['vendor-viettel'] ?? '',
      kind: 'health_sample',
      payload: sample(),
      registry,
    });
    expect(statuses(run).accepted).toBe('fail');
    expect(run.results.find((r) => r.id === 'accepted')?.detail[0]).toBe('expected HTTP 202, got HTTP 403');
    expect(run.passed).toBe(false);
  });

  it('checks the payload’s own times when asked to keep them', async () => {
    const token = vnptToken();
    const stale = sample({ observed_at: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const old = await runChecks({ url, token, kind: 'health_sample', payload: stale, registry, refreshTimes: false });
    expect(statuses(old)['time-window']).toBe('fail');
    expect(old.results.find((r) => r.id === 'time-window')?.detail[0]).toContain('observed_at');
    const current = sample({ observed_at: new Date(Date.now() - 60_000).toISOString() });
    const fresh = await runChecks({
      url,
      token,
      kind: 'health_sample',
      payload: current,
      registry,
      refreshTimes: false,
    });
    expect(statuses(fresh)['time-window']).toBe('pass');
    expect(fresh.passed, formatCheckReport(fresh)).toBe(true);
  });

  it('signs requests for keys that require it, and sees a forged signature refused', async () => {
    const run = await runChecks({
      url,
      token: signed.token,
      kind: 'health_sample',
      payload: sample(),
      registry,
      sign: true,
    });
    expect(run.passed, formatCheckReport(run)).toBe(true);
    expect(statuses(run)['signature-enforced']).toBe('pass');
    expect(statuses(run).accepted).toBe('pass');
  });
});

function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      join(REPO, 'node_modules/.bin/tsx'),
      [join(REPO, 'server/src/cli/conformance-cli.ts'), ...args],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('the conformance command', () => {
  it('prints the report and exits 0 when everything passes, 1 when something fails', async () => {
    const good = join(dir.path, 'sample.json');
    const bad = join(dir.path, 'bad.json');
    await writeFile(good, JSON.stringify(sample()));
    await writeFile(bad, JSON.stringify({ ...sample(), ram_pct: -1 }));
    const ok = await cli(['check', '--url', url, '--token', vnptToken(), '--payload', good]);
    expect(ok.out).toContain('Kết quả / Result: 14 đạt / passed, 0 lỗi / failed, 2 bỏ qua / skipped — ĐẠT / PASSED');
    expect(ok.code).toBe(0);
    const offline = await cli(['validate', '--payload', bad]);
    expect(offline.out).toMatch(/^\[LỖI\/FAIL\] +payload-schema /m);
    expect(offline.out).toContain('ram_pct: Giá trị không được nhỏ hơn 0. / Value must be at least 0.');
    expect(offline.code).toBe(1);
    const wrong = await cli(['frobnicate']);
    expect(wrong.code).toBe(2);
  }, 60_000);
});
