// The composition root's public face, for tools that start the system (tests, the bench, the fault suite, deploy checks).
export { startEmbeddedSystem, type EmbeddedOptions, type EmbeddedSystem } from './embedded.js';
export { startApiService, type ApiService } from './api-service.js';
export { createRecords, type Records } from './records.js';
export { createIngestApp, createWriters } from './ingest-service.js';
export { ApiEnvSchema, loadApiEnv, type ApiEnv } from './env/api-env.js';
export { IngestEnvSchema, loadIngestEnv, type IngestEnv } from './env/ingest-env.js';
export { DemoSimulator } from './simulator/simulator.js';
