export * from './source-model.js';
export * from './sync-status.js';
export { registerSourceRoutes, type SourceRouteDeps } from './routes.js';
