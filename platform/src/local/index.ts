/**
 * Real servers run on this machine for development, the benchmark, the fault
 * suite and tests: a nats-server process, the ClickHouse HTTP interface over
 * chDB, free ports and temp data directories. No test framework here.
 */
export * from './nats-server.js';
export * from './temp-dir.js';
export * from './free-port.js';
export * from './clickhouse-http-shim.js';
