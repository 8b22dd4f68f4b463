import { fileURLToPath } from 'node:url';

/** Absolute path of the versioned ClickHouse migration files (node-only entry point). */
export const CLICKHOUSE_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
