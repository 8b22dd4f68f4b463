import { z } from 'zod';

/** Every message a person reads is Vietnamese first, English second. */
export const BilingualTextSchema = z.object({
  vi: z.string(),
  en: z.string(),
});
export type BilingualText = z.infer<typeof BilingualTextSchema>;

export function bilingual(vi: string, en: string): BilingualText {
  return { vi, en };
}
