import { ApiEnvSchema, IngestEnvSchema } from '@kh02/server';
import { withoutEmpty } from '@kh02/platform';
import { z } from 'zod';
import { commandOf } from './compose-checks.js';
import type { ComposeService } from './compose-model.js';

/** Which env schema each node entry point (compiled, as the images run it) parses at start-up. */
export const ENTRYPOINT_SCHEMAS: Record<string, z.ZodType[]> = {
  'server/dist/src/main/ingest-main.js': [IngestEnvSchema],
  'server/dist/src/main/writer-main.js': [IngestEnvSchema],
  'server/dist/src/main/api-main.js': [ApiEnvSchema],
  'server/dist/src/cli/writer-health-cli.js': [IngestEnvSchema],
};

/** The variable names a schema accepts (the object's keys, also behind a .transform()). */
export function schemaKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return schemaKeys(schema.in as z.ZodType);
  throw new Error('env schema is neither an object nor a transformed object');
}

/** The node entry point a service runs (the script in its command), if any. */
export function entrypointOf(s: ComposeService): string | undefined {
  return commandOf(s).find((part) => part.endsWith('.js'));
}

/** The source file a compiled entry point is built from (`server/dist/src/x.js` ← `server/src/x.ts`). */
export function sourceOf(compiled: string): string {
  return compiled.replace(/\/dist\/src\//, '/src/').replace(/\.js$/, '.ts');
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
