import {
  HttpTimeoutsEnvShape,
  InfraEnvShape,
  booleanFlag,
  parseEnv,
  port,
  repoRoot,
  withInfraDefaults,
} from '@kh02/platform';
import { join } from 'node:path';
import { z } from 'zod';
import { NotifyEnvShape } from './notify-env.js';

/** Shipped files (config, the built wall) resolve from the repository, whatever the working directory. */
const repoPath = (rel: string) => join(repoRoot(import.meta.url), rel);

/** The api process (read API, status engine, live feed, tickets, reports): shared infrastructure plus its own settings (docs/configuration.md). */
export const ApiEnvSchema = z
  .object({
    ...InfraEnvShape,
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: port.default(3000),
    /** Accept queue for the wall and drill-down clients (the kernel caps it at net.core.somaxconn). */
    API_LISTEN_BACKLOG: z.coerce.number().int().min(128).max(65_535).default(1_024),
    WEB_DIR: z.string().default(repoPath('web/build')),
    STATUS_CONFIG_FILE: z.string().default(repoPath('config/status-thresholds.json')),
    WORKING_CALENDAR_FILE: z.string().default(repoPath('config/working-calendar.json')),
    LIVE_URGENT_FLUSH_MS: z.coerce.number().int().min(50).max(5_000).default(250),
    LIVE_ROUTINE_FLUSH_MS: z.coerce.number().int().min(250).max(60_000).default(5_000),
    /** ≥ 32 random characters; in embedded mode a generated one is kept in DATA_DIR/session-secret. */
    SESSION_SECRET: z.string().min(32).optional(),
    SESSION_TTL_HOURS: z.coerce.number().min(1).max(24).default(12),
    /** Wall displays run for weeks; their read-only sessions last longer. */
    DISPLAY_SESSION_TTL_DAYS: z.coerce.number().min(1).max(90).default(30),
    /** Create one demo account per role on first start (passwords in DATA_DIR/demo-accounts.json). */
    DEMO_ACCOUNTS: booleanFlag.default(true),
    BOOTSTRAP_ADMIN_USERNAME: z.string().optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
    ATTACHMENTS_DIR: z.string().optional(),
    /** Every REST read and live connection needs a session (the wall uses a read-only display token). */
    AUTH_READS: booleanFlag.default(true),
    /** Comma-separated origins allowed to call the api from a browser on another origin (default: none). */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** Plan 02 task progress (overdue tasks, missed report cadence) colours the units: the task_progress indicator. */
    TASK_PROGRESS_COLOURS: booleanFlag.default(true),
    SIMULATOR: booleanFlag.default(true),
    SIMULATOR_SAMPLE_EVERY_MS: z.coerce.number().int().min(1_000).default(30_000),
    SIMULATOR_COUNTER_EVERY_MS: z.coerce.number().int().min(5_000).default(300_000),
    /** Vendor endpoints the daily System Health Report is fetched from (optional; docs/conformance.md). */
    PULL_SOURCES_FILE: z.string().optional(),
    /** 32 bytes (hex or base64url) sealing the pull credentials; default: DATA_DIR/pull-credentials.key. */
    PULL_CREDENTIALS_KEY: z.string().optional(),
    ...NotifyEnvShape,
    ...HttpTimeoutsEnvShape,
  })
  .transform((e) => {
    const withDefaults = withInfraDefaults(e);
    return { ...withDefaults, PULL_SOURCES_FILE: e.PULL_SOURCES_FILE ?? `${withDefaults.DATA_DIR}/pull-sources.json` };
  });
export type ApiEnv = z.infer<typeof ApiEnvSchema>;

export function loadApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return parseEnv(ApiEnvSchema, env);
}
