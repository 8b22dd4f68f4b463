export * from './nats-server.js';
export * from './temp-dir.js';
export * from './bus-contract.js';
