// Shared test support. Imported by tests only (the dependency rule forbids it under any src/).
export { eventually } from './eventually.js';
export {
  busContract,
  CONTRACT_DURABLE,
  CONTRACT_LOG_STREAM,
  CONTRACT_STREAM,
  type BusFactory,
} from './bus-contract.js';
export { localJournaledBus, natsBus, type BusKind } from './buses.js';
export { countRows, openTestStore, STORED_TABLES, TEST_DB } from './test-store.js';
export { startWriter, TEST_TOPOLOGY, writerConsumer } from './test-writer.js';
export {
  counter,
  dailyReport,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  NOW,
  sample,
  VIETTEL_SYSTEM,
  VNPT_SYSTEM,
} from './ingest-fixtures.js';
export { silentLogger, startIngestHarness, type IngestHarness, type InjectResponse } from './ingest-harness.js';
export { makeStatusService, silent } from './status-harness.js';
export {
  counterMsg,
  healthyProvinceCounters,
  healthyUnitSamples,
  makeEngine,
  MONDAY_15H,
  provinceSystem,
  registry,
  sampleMsg,
  weekdayCalendar,
} from './engine-fixtures.js';
export {
  demoPasswords,
  login,
  postAsVendor,
  startTestSystem,
  type TestSystem,
  type TestSystemOptions,
} from './system.js';
export { promQuery, startNodeExporter, startPrometheus, type RunningProcess } from './prometheus.js';
