export * from './model.js';
export * from './updates.js';
export * from './assign.js';
export * from './progress.js';
export { extractPlanTasks } from './extract.js';
export { EXTRACT_OVERRIDES, PHASE_LABELS, PLAN_TASKS } from './catalogue.js';
export * from './views.js';
export * from './targets.js';
