import type { Principal } from '@kh02/schemas';

// The contract lives in @kh02/schemas (the wall parses the same shape at sign-in).
export type { Principal };

/** The system itself, for events nobody typed (e.g. a ticket opened from a vendor's serious incident). */
export const SYSTEM_PRINCIPAL: Principal = {
  id: 'system',
  username: 'system',
  name: 'Hệ thống',
  role: 'cc_coordination',
};
