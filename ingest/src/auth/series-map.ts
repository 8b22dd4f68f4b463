import { SystemIdSchema } from '@kh02/schemas';
import { z } from 'zod';

/** The label a vendor sets on its series to name the system they measure. */
export const SYSTEM_LABEL = 'kh02_system_id';

const LabelNameSchema = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/);

/**
 * One rule of a key's series map: series whose labels (OTLP: resource and
 * data-point attributes, dots read as underscores) equal every `match` entry
 * belong to `system_id`. For vendors that cannot add `kh02_system_id` to their
 * series; the Command Center sets it per key (`npm run keys -- map …`).
 */
export const SeriesMapRuleSchema = z.strictObject({
  match: z
    .record(LabelNameSchema, z.string().min(1).max(256))
    .refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= 8, {
      message: 'a rule matches 1 to 8 labels',
    }),
  system_id: SystemIdSchema,
});
export type SeriesMapRule = z.infer<typeof SeriesMapRuleSchema>;

export const SeriesMapSchema = z.array(SeriesMapRuleSchema).max(5_000);

/** The system a series belongs to: its `kh02_system_id` label, else the first rule of the key's map that matches. */
export function systemOfSeries(
  labels: ReadonlyMap<string, string>,
  rules: readonly SeriesMapRule[] = [],
): string | undefined {
  const own = labels.get(SYSTEM_LABEL);
  if (own) return own;
  return rules.find((r) => Object.entries(r.match).every(([name, value]) => labels.get(name) === value))?.system_id;
}
