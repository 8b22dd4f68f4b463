export { decryptCredential, encryptCredential, parseCredentialsKey } from './credentials.js';
export { loadPullSources, PullSourceSchema, PullSourcesFileSchema, type PullSource } from './pull-config.js';
export { pullOnce, type PullAttempt, type PullDeps } from './pull-once.js';
export { MAX_ATTEMPTS_PER_DAY, PullScheduler, retryDelayMs } from './pull-scheduler.js';
