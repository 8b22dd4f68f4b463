// The ingest library: the HTTP ingestion app, API keys, and the bus → ClickHouse writer.
export { buildIngestApp } from './app.js';
export type { AcceptedOutcome, IngestDeps } from './ingest-deps.js';
export {
  ApiKeyFileSchema,
  ApiKeyRecordSchema,
  ApiKeyStore,
  generateToken,
  tokenFromHeaders,
  type ApiKeyRecord,
} from './auth/api-keys.js';
export { createDemoKeys } from './auth/demo-keys.js';
export { KeyRateLimiter } from './auth/rate-limiter.js';
export { IdempotencyCache } from './idempotency-cache.js';
export { IngestMetrics } from './metrics.js';
export { loadOrCreateKeys } from './key-file.js';
export { BusWriter, type BusWriterOptions, type WriterObserver, type WriterStats } from './writer/bus-writer.js';
export { ClickHouseBatchStore, type BatchStore } from './writer/batch-store.js';
export { decodeTelemetry, rowsOf, type Row } from './writer/rows.js';
export { decodeWorkflow } from './writer/workflow-rows.js';
export { registerWriterMetrics, writerObserver } from './writer/writer-metrics.js';
export {
  formatCheckReport,
  guessKind,
  judgeRetries,
  refreshPayload,
  RetryProxy,
  runChecks,
  type CheckRun,
  type CheckRunOptions,
  type RetryProxyOptions,
  type RetryVerdict,
} from './conformance/index.js';
export {
  encodeRemoteWrite,
  healthSeriesFor,
  HEALTH_SERIES_NAMES,
  type SeriesToSend,
} from './protocols/remote-write-encode.js';
export { SeriesMapRuleSchema, SYSTEM_LABEL, type SeriesMapRule } from './auth/series-map.js';
