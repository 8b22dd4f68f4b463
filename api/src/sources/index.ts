export * from './sync-status.js';
export { registerSourceRoutes, type SourceRouteDeps } from './routes.js';
