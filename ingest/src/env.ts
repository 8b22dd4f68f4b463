import { DEFAULT_BUS_LIMITS, HttpTimeoutsEnvShape, booleanFlag, parseEnv, port } from '@kh02/platform';
import { z } from 'zod';

/** Ingest + writer configuration. Every variable is documented in docs/configuration.md. */
export const IngestEnvSchema = z
  .object({
    DATA_DIR: z.string().default('./data'),
    INGEST_HOST: z.string().default('127.0.0.1'),
    INGEST_PORT: port.default(8080),
    /** Accept queue: the 17h00 burst opens thousands of connections in a second; Node's default is 511. */
    INGEST_LISTEN_BACKLOG: z.coerce.number().int().min(128).max(65_535).default(4_096),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanFlag.default(false),
    NATS_URL: z.string().optional(),
    NATS_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
    BUS_DIR: z.string().optional(),
    BUS_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_BUS_LIMITS.telemetryMaxBytes),
    BUS_MAX_AGE_MS: z.coerce.number().int().positive().default(DEFAULT_BUS_LIMITS.telemetryMaxAgeMs),
    BUS_DUPLICATE_WINDOW_MS: z.coerce.number().int().min(60_000).default(DEFAULT_BUS_LIMITS.duplicateWindowMs),
    BUS_PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
    API_KEYS_FILE: z.string().optional(),
    REGISTRY_OVERRIDE_FILE: z.string().optional(),
    CLICKHOUSE_URL: z.url().optional(),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    CLICKHOUSE_DATABASE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('kh02'),
    CHDB_PATH: z.string().optional(),
    WRITER_MAX_BATCH_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    WRITER_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(1_000).default(500),
    WRITER_HIGH_WATER_ROWS: z.coerce.number().int().min(1_000).default(200_000),
    WRITER_EXACT_DEDUP: booleanFlag.default(true),
    /** Messages waiting and nothing stored for this long: the writer is stalled and /ready answers 503. */
    WRITER_STALL_AFTER_MS: z.coerce.number().int().min(1_000).default(30_000),
    ...HttpTimeoutsEnvShape,
  })
  .transform((e) => ({
    ...e,
    BUS_DIR: e.BUS_DIR ?? `${e.DATA_DIR}/bus`,
    API_KEYS_FILE: e.API_KEYS_FILE ?? `${e.DATA_DIR}/api-keys.json`,
    CHDB_PATH: e.CHDB_PATH ?? `${e.DATA_DIR}/chdb`,
  }));
export type IngestEnv = z.infer<typeof IngestEnvSchema>;

export function loadIngestEnv(env: NodeJS.ProcessEnv = process.env): IngestEnv {
  return parseEnv(IngestEnvSchema, env);
}
