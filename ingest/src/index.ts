export * from './env.js';
export * from './wiring.js';
export * from './key-file.js';
export * from './app.js';
export * from './auth/api-keys.js';
export * from './auth/demo-keys.js';
export * from './writer/bus-writer.js';
export * from './writer/batch-store.js';
