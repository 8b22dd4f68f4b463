import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the versioned ClickHouse migration files (node-only entry
 * point). Beside this file in the repository; two levels up from the compiled
 * copy in dist/clickhouse/ (production images run the compiled code).
 */
export const CLICKHOUSE_MIGRATIONS_DIR =
  [
    fileURLToPath(new URL('./migrations/', import.meta.url)),
    fileURLToPath(new URL('../../clickhouse/migrations/', import.meta.url)),
  ].find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('./migrations/', import.meta.url));
