import type { CheckRun } from './run-checks.js';
import type { CheckStatus } from './check-types.js';

const LABEL: Record<CheckStatus, string> = {
  pass: '[ĐẠT/PASS]',
  fail: '[LỖI/FAIL]',
  skip: '[BỎ QUA/SKIP]',
};
const LABEL_WIDTH = Math.max(...Object.values(LABEL).map((l) => l.length));

/** The pass/fail report a vendor reads: one line per check, details indented, a verdict at the end. */
export function formatCheckReport(run: CheckRun): string {
  const width = Math.max(...run.results.map((r) => r.id.length));
  const lines = [
    'KH02 — Bộ kiểm tra tích hợp cho nhà cung cấp / Vendor conformance kit',
    `Máy chủ / Endpoint: ${run.url}   Loại dữ liệu / Kind: ${run.kind}`,
    '',
  ];
  for (const r of run.results) {
    lines.push(`${LABEL[r.status].padEnd(LABEL_WIDTH)} ${r.id.padEnd(width)}  ${r.title.vi} / ${r.title.en}`);
    for (const d of r.detail) lines.push(`${' '.repeat(LABEL_WIDTH + width + 3)}- ${d}`);
  }
  const passed = run.results.filter((r) => r.status === 'pass').length;
  const failed = run.results.filter((r) => r.status === 'fail').length;
  lines.push(
    '',
    `Kết quả / Result: ${passed} đạt / passed, ${failed} lỗi / failed, ${run.results.length - passed - failed} bỏ qua / skipped — ` +
      (run.passed ? 'ĐẠT / PASSED' : 'KHÔNG ĐẠT / FAILED'),
  );
  return lines.join('\n');
}
