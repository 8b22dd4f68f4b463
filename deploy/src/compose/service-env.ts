import { ApiEnvSchema } from '@kh02/api';
import { IngestEnvSchema } from '@kh02/ingest';
import { withoutEmpty } from '@kh02/platform';
import { z } from 'zod';
import { commandOf } from './compose-checks.js';
import type { ComposeService } from './compose-model.js';

/**
 * Which env schemas each node entry point parses at start-up: the api's main
 * reads both the ingest schema (bus, ClickHouse) and its own.
 */
export const ENTRYPOINT_SCHEMAS: Record<string, z.ZodType[]> = {
  'ingest/src/main.ts': [IngestEnvSchema],
  'ingest/src/writer-main.ts': [IngestEnvSchema],
  'api/src/main.ts': [IngestEnvSchema, ApiEnvSchema],
  'deploy/src/healthcheck/writer-health-cli.ts': [IngestEnvSchema],
};

/** The variable names a schema accepts (the object's keys, also behind a .transform()). */
export function schemaKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return schemaKeys(schema.in as z.ZodType);
  throw new Error('env schema is neither an object nor a transformed object');
}

/** The node entry point a service runs (the .ts file in its command), if any. */
export function entrypointOf(s: ComposeService): string | undefined {
  return commandOf(s).find((part) => part.endsWith('.ts'));
}

export function schemasFor(s: ComposeService): z.ZodType[] | undefined {
  const entry = entrypointOf(s);
  return entry ? ENTRYPOINT_SCHEMAS[entry] : undefined;
}

/** Parses an (interpolated) service environment the way the service will, returning every problem. */
export function envParseProblems(env: Record<string, string>, schemas: z.ZodType[]): string[] {
  return schemas.flatMap((schema) => {
    const parsed = schema.safeParse(withoutEmpty(env));
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  });
}
