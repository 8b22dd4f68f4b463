import { z } from 'zod';
import { DEFAULT_BUS_LIMITS } from '../bus/topology.js';
import { booleanFlag, parseEnv } from '../env-helpers.js';

/**
 * What every process shares: where data lives, the bus (NATS or the embedded
 * journal), ClickHouse (a server or embedded chDB), logging and the unit
 * registry. Each service's own env file adds only its own settings.
 */
export const InfraEnvShape = {
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFlag.default(false),
  NATS_URL: z.string().optional(),
  NATS_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  BUS_DIR: z.string().optional(),
  BUS_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_BUS_LIMITS.telemetryMaxBytes),
  BUS_MAX_AGE_MS: z.coerce.number().int().positive().default(DEFAULT_BUS_LIMITS.telemetryMaxAgeMs),
  BUS_DUPLICATE_WINDOW_MS: z.coerce.number().int().min(60_000).default(DEFAULT_BUS_LIMITS.duplicateWindowMs),
  BUS_PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  REGISTRY_OVERRIDE_FILE: z.string().optional(),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('kh02'),
  CHDB_PATH: z.string().optional(),
};

export const InfraEnvSchema = z.object(InfraEnvShape).transform(withInfraDefaults);

/** Paths that default to places under DATA_DIR. */
export function withInfraDefaults<
  T extends { DATA_DIR: string; BUS_DIR?: string | undefined; CHDB_PATH?: string | undefined },
>(e: T): T & { BUS_DIR: string; CHDB_PATH: string } {
  return { ...e, BUS_DIR: e.BUS_DIR ?? `${e.DATA_DIR}/bus`, CHDB_PATH: e.CHDB_PATH ?? `${e.DATA_DIR}/chdb` };
}

export type InfraEnv = z.infer<typeof InfraEnvSchema>;

export function loadInfraEnv(env: NodeJS.ProcessEnv = process.env): InfraEnv {
  return parseEnv(InfraEnvSchema, env);
}
