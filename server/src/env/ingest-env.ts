import { HttpTimeoutsEnvShape, InfraEnvShape, booleanFlag, parseEnv, port, withInfraDefaults } from '@kh02/platform';
import { z } from 'zod';

/**
 * The ingest and writer processes: the shared infrastructure (platform's
 * InfraEnvShape) plus their own settings. Every variable is documented in
 * docs/configuration.md.
 */
export const IngestEnvSchema = z
  .object({
    ...InfraEnvShape,
    INGEST_HOST: z.string().default('127.0.0.1'),
    INGEST_PORT: port.default(8080),
    /** Accept queue: the 17h00 burst opens thousands of connections in a second; Node's default is 511. */
    INGEST_LISTEN_BACKLOG: z.coerce.number().int().min(128).max(65_535).default(4_096),
    API_KEYS_FILE: z.string().optional(),
    WRITER_MAX_BATCH_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    WRITER_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(1_000).default(500),
    WRITER_HIGH_WATER_ROWS: z.coerce.number().int().min(1_000).default(200_000),
    WRITER_EXACT_DEDUP: booleanFlag.default(true),
    /** Messages waiting and nothing stored for this long: the writer is stalled and /ready answers 503. */
    WRITER_STALL_AFTER_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** The distributed writer's /metrics and /ready (it has no other HTTP port). */
    WRITER_METRICS_HOST: z.string().default('127.0.0.1'),
    WRITER_METRICS_PORT: port.default(9464),
    ...HttpTimeoutsEnvShape,
  })
  .transform((e) => ({ ...withInfraDefaults(e), API_KEYS_FILE: e.API_KEYS_FILE ?? `${e.DATA_DIR}/api-keys.json` }));
export type IngestEnv = z.infer<typeof IngestEnvSchema>;

export function loadIngestEnv(env: NodeJS.ProcessEnv = process.env): IngestEnv {
  return parseEnv(IngestEnvSchema, env);
}
