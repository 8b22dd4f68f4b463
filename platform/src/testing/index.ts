export * from './nats-server.js';
export * from './temp-dir.js';
export * from './bus-contract.js';
export * from './free-port.js';
export * from './clickhouse-http-shim.js';
