import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPullSources, parseCredentialsKey, PullScheduler, type ConfigAudit } from '@kh02/api';
import type { Registry } from '@kh02/schemas/registry';
import type { Bus, Logger } from '@kh02/platform';
import type { ApiEnv } from './env/api-env.js';

/** The key that seals pull credentials: PULL_CREDENTIALS_KEY, else DATA_DIR/pull-credentials.key (written by the CLI). */
export async function pullCredentialsKey(
  env: Pick<ApiEnv, 'PULL_CREDENTIALS_KEY' | 'DATA_DIR'>,
): Promise<Buffer | undefined> {
  if (env.PULL_CREDENTIALS_KEY) return parseCredentialsKey(env.PULL_CREDENTIALS_KEY);
  try {
    return parseCredentialsKey(await readFile(join(env.DATA_DIR, 'pull-credentials.key'), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The daily-report pull scheduler, in the api process (it owns the sources
 * panel that shows its state). The configured sources are recorded on the
 * event log like the status thresholds when the file exists (credentials
 * redacted: only whether a source has them).
 */
export async function createPullScheduler(
  env: ApiEnv,
  deps: { bus: Bus; registry: Registry; logger: Logger; now: () => number; config: ConfigAudit },
): Promise<PullScheduler> {
  const sources = await loadPullSources(env.PULL_SOURCES_FILE);
  for (const s of sources) {
    if (!deps.registry.system(s.system_id)) throw new Error(`${env.PULL_SOURCES_FILE}: unknown system ${s.system_id}`);
  }
  // No file, no pull configuration to audit (an emptied file is recorded: that is a change).
  if (existsSync(env.PULL_SOURCES_FILE)) {
    await deps.config.record(
      'pull-sources',
      {
        sources: sources.map((s) => ({
          system_id: s.system_id,
          url: s.url,
          at_local: s.at_local,
          auth: s.auth?.kind ?? 'none',
        })),
      },
      env.PULL_SOURCES_FILE,
    );
  }
  return new PullScheduler(sources, {
    bus: deps.bus,
    registry: deps.registry,
    now: deps.now,
    credentialsKey: await pullCredentialsKey(env),
    logger: deps.logger.child({ component: 'pull' }),
  });
}
