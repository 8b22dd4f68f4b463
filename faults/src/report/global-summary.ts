import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/paths.js';
import type { FaultReport } from '../fault-run.js';

const ROOT = join(REPO_ROOT, 'test-artifacts', 'faults');
let startedAt = 0;

export function setup(): void {
  startedAt = Date.now();
}

interface Verdict {
  state?: string;
  errors: string[];
}

function line(r: FaultReport, v: Verdict | undefined): string {
  const t = (name: string) => r.oracle.tables.find((x) => x.table === name);
  const cells = ['health_samples', 'counter_reports'].map((name) => {
    const v = t(name);
    return v ? `${v.acknowledged}/${v.stored}/${v.duplicates}/${v.missingCount}` : '-';
  });
  const test = v?.state === 'pass' ? 'PASS' : `FAIL: ${(v?.errors[0] ?? '?').slice(0, 120)}`;
  const oracle = r.oracle.ok ? 'PASS' : 'FAIL';
  return `| ${r.fault} | ${test} | ${oracle} | ${cells.join(' | ')} | ${(r.durationMs / 1000).toFixed(1)} s |`;
}

/** After the run: one table of every fault's numbers (also written to test-artifacts/faults/summary.md). */
export async function teardown(): Promise<void> {
  const dirs = await readdir(ROOT).catch(() => [] as string[]);
  const reports: { report: FaultReport; verdict: Verdict | undefined }[] = [];
  for (const d of dirs.sort()) {
    const file = join(ROOT, d, 'report.json');
    const s = await stat(file).catch(() => undefined);
    if (!s || s.mtimeMs < startedAt) continue;
    const verdict = await readFile(join(ROOT, d, 'verdict.json'), 'utf8').then(
      (t) => JSON.parse(t) as Verdict,
      () => undefined,
    );
    reports.push({ report: JSON.parse(await readFile(file, 'utf8')) as FaultReport, verdict });
  }
  if (reports.length === 0) return;
  const table = [
    '| fault | test | oracle | samples ack/stored/dup/missing | counters ack/stored/dup/missing | duration |',
    '| --- | --- | --- | --- | --- | --- |',
    ...reports.map((r) => line(r.report, r.verdict)),
  ].join('\n');
  await writeFile(join(ROOT, 'summary.md'), `${table}\n`);
  process.stdout.write(`\nFault suite (${reports[0]?.report.profile ?? '?'} profile):\n${table}\n`);
}
