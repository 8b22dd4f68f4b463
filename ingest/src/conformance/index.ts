export { runChecks, type CheckRun, type CheckRunOptions } from './run-checks.js';
export { formatCheckReport } from './report.js';
export { RetryProxy, type RetryProxyOptions, type RetryVerdict } from './retry-proxy.js';
export { judgeRetries } from './retry-report.js';
export { guessKind, refreshPayload } from './payloads.js';
