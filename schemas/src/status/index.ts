export * from './status.js';
export * from './tiles.js';
export * from './live.js';
export * from './api.js';
export * from './replay.js';
export * from './coverage.js';
