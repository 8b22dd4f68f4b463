import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => FILE_PATTERN.test(n)).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = FILE_PATTERN.exec(name);
    if (!match?.[1]) continue;
    const sql = await readFile(join(dir, name), 'utf8');
    files.push({
      version: Number.parseInt(match[1], 10),
      name,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return files;
}

/** Statements end with `;` at the end of a line; `--` comment lines are dropped. */
export function splitStatements(sql: string, database: string): string[] {
  const body = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return body
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s.replaceAll('{db}', database));
}

/**
 * Applies versioned migrations in order and records each in
 * `<db>.schema_migrations`. An applied file whose checksum changed is an
 * error: migrations are immutable once shipped; write a new one instead.
 */
export async function migrate(client: ClickHouseClient, database: string, dir: string): Promise<MigrationResult> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`invalid database name ${database}`);
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${database}.schema_migrations
      (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC'))
      ENGINE = MergeTree ORDER BY version`,
  });
  const rs = await client.query({
    query: `SELECT version, name, checksum FROM ${database}.schema_migrations ORDER BY version`,
    format: 'JSONEachRow',
  });
  const done = new Map(
    (await rs.json<{ version: number; name: string; checksum: string }>()).map((r) => [r.version, r]),
  );
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const file of await readMigrations(dir)) {
    const previous = done.get(file.version);
    if (previous) {
      if (previous.checksum !== file.checksum) {
        throw new Error(
          `migration ${file.name} changed after it was applied (checksum mismatch); add a new migration instead`,
        );
      }
      result.alreadyApplied.push(file.name);
      continue;
    }
    for (const statement of splitStatements(file.sql, database)) {
      await client.command({ query: statement });
    }
    await client.insert({
      table: `${database}.schema_migrations`,
      values: [{ version: file.version, name: file.name, checksum: file.checksum, applied_at: Date.now() }],
      format: 'JSONEachRow',
    });
    result.applied.push(file.name);
  }
  return result;
}
