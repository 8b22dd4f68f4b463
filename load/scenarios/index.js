// @ts-check
// Entry point for both tools: `import ... from '../scenarios/index.js'` in k6 scripts,
// and from TypeScript in the Node runner and benchmark.
export * from './definitions.js';
export * from './durations.js';
export * from './interleave.js';
export * from './payloads.js';
export * from './plan.js';
export * from './sources.js';
