import type { RetryVerdict } from './retry-proxy.js';

export interface RetryOutcome {
  passed: boolean;
  lines: string[];
}

/** Judges what the proxy saw: every failed request retried once, same key and body, after Retry-After. */
export function judgeRetries(
  verdicts: readonly RetryVerdict[],
  counters: { missingKey: number; newKeyRetries: number },
  retryAfterSec: number,
): RetryOutcome {
  const lines = [
    'KH02 — Kiểm tra hành vi gửi lại / Retry behaviour check',
    `Mỗi Idempotency-Key mới bị trả lỗi 503 hoặc 429 một lần với Retry-After: ${retryAfterSec} / ` +
      `each new Idempotency-Key was failed once with Retry-After: ${retryAfterSec}`,
    '',
  ];
  let passed = verdicts.length > 0;
  if (verdicts.length === 0) lines.push('[LỖI/FAIL] no request reached the proxy / không có yêu cầu nào tới proxy');
  for (const v of verdicts) {
    const problems: string[] = [];
    if (v.retriedAt === undefined) problems.push('not retried with the same Idempotency-Key / không gửi lại cùng khóa');
    if (v.sameBody === false) problems.push('retry body differs / nội dung gửi lại khác bản đầu');
    if (v.earlyRetries > 0)
      problems.push(`${v.earlyRetries} retry(ies) before Retry-After / gửi lại trước Retry-After`);
    if (problems.length > 0) passed = false;
    const waited = v.retriedAt === undefined ? '—' : `${((v.retriedAt - v.firstAt) / 1000).toFixed(1)} s`;
    lines.push(
      `${problems.length === 0 ? '[ĐẠT/PASS]' : '[LỖI/FAIL]'} ${v.idempotencyKey}  injected ${v.injected}, ` +
        `retried after ${waited}, sandbox answered ${v.upstreamStatus ?? '—'}`,
      ...problems.map((p) => `             - ${p}`),
    );
  }
  if (counters.missingKey > 0) {
    passed = false;
    lines.push(
      `[LỖI/FAIL] ${counters.missingKey} request(s) without an Idempotency-Key / yêu cầu thiếu Idempotency-Key`,
    );
  }
  if (counters.newKeyRetries > 0) {
    passed = false;
    lines.push(
      `[LỖI/FAIL] ${counters.newKeyRetries} retry(ies) with a NEW Idempotency-Key: duplicates cannot be detected / ` +
        'gửi lại bằng khóa mới khiến máy chủ không nhận ra bản trùng',
    );
  }
  lines.push('', `Kết quả / Result: ${passed ? 'ĐẠT / PASSED' : 'KHÔNG ĐẠT / FAILED'}`);
  return { passed, lines };
}
