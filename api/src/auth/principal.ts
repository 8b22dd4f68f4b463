import type { Role, WorkingGroup } from '@kh02/schemas';

/** The signed-in person and what their account scopes them to. */
export interface Principal {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** unit_focal: the province or agency they are the focal point of. */
  unitCode?: string;
  /** unit_focal: leadership (Vụ/Cục level) or technical focal point (seed 000 L528-533). */
  focalKind?: 'leadership' | 'technical';
  /** vendor_focal: the IT enterprise. */
  vendorCode?: string;
  /** working_group: which of the six central groups, and whether they lead it. */
  group?: WorkingGroup;
  lead?: boolean;
  /** cc_monitoring: which block they watch (seed §1.3 teams 1 and 2). */
  block?: 'government_local' | 'party_na_front';
}

/** The system itself, for events nobody typed (e.g. a ticket opened from a vendor's serious incident). */
export const SYSTEM_PRINCIPAL: Principal = {
  id: 'system',
  username: 'system',
  name: 'Hệ thống',
  role: 'cc_coordination',
};

export function isCommandCenter(p: Principal): boolean {
  return p.role.startsWith('cc_');
}
