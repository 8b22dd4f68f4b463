import { z } from 'zod';
import { RoleSchema, WorkingGroupSchema } from '../tickets/model.js';

/** The signed-in person and what their account scopes them to (the api's view, sent to the wall at sign-in). */
export const PrincipalSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** unit_focal: the province or agency they are the focal point of. */
  unitCode: z.string().optional(),
  /** unit_focal: leadership (Vụ/Cục level) or technical focal point (seed 000 L528-533). */
  focalKind: z.enum(['leadership', 'technical']).optional(),
  /** vendor_focal: the IT enterprise. */
  vendorCode: z.string().optional(),
  /** working_group: which of the six central groups, and whether they lead it. */
  group: WorkingGroupSchema.optional(),
  lead: z.boolean().optional(),
  /** cc_monitoring: which block they watch (seed §1.3 teams 1 and 2). */
  block: z.enum(['government_local', 'party_na_front']).optional(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** `POST /api/v1/auth/login` → a personal session token and who it belongs to. */
export const LoginResultSchema = z.object({ token: z.string(), expires_at: z.string(), principal: PrincipalSchema });
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** The Command Center's own teams (roles cc_*): they see every unit's tickets and run the loop. */
export function isCommandCenter(p: Principal): boolean {
  return p.role.startsWith('cc_');
}
