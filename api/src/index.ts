export * from './embedded.js';
export * from './api-service.js';
export * from './env.js';
