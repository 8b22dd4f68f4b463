import { readFile } from 'node:fs/promises';
import { SystemIdSchema } from '@kh02/schemas';
import { z } from 'zod';

/**
 * One vendor endpoint the api fetches the daily System Health Report from.
 * The endpoint answers `GET <url>?date=YYYY-MM-DD` with the report in the
 * `health-report` contract (one event or `{ "events": [...] }`), the same
 * body the vendor would POST to /v1/health-reports.
 */
export const PullSourceSchema = z.strictObject({
  system_id: SystemIdSchema,
  url: z.url({ protocol: /^https?$/ }),
  /** Local time (Asia/Ho_Chi_Minh) of the first attempt; the report is due by 08:00. */
  at_local: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('06:30'),
  /** How the request authenticates: the sealed secret goes in `Authorization: Bearer` or as Basic user:password. */
  auth: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('bearer'), sealed_token: z.string().min(10) }),
      z.strictObject({
        kind: z.literal('basic'),
        username: z.string().min(1).max(200),
        sealed_password: z.string().min(10),
      }),
    ])
    .optional(),
  timeout_ms: z.number().int().min(1_000).max(60_000).default(10_000),
});
export type PullSource = z.infer<typeof PullSourceSchema>;

export const PullSourcesFileSchema = z.strictObject({
  sources: z.array(PullSourceSchema).max(1_000),
});

/** The configured sources, or none when the file does not exist (pulling is optional). */
export async function loadPullSources(file: string): Promise<PullSource[]> {
  try {
    return PullSourcesFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).sources;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
