import { bilingual, type BilingualText, type Role } from '@kh02/schemas';
import type { Principal } from './principal.js';

/**
 * Who may take data out of the Command Center (CSV, PDF, HTML reports) and
 * read its performance KPIs: the Command Center teams and the central working
 * groups. A ministry or province focal point may export its own unit's scope
 * only. The wall display and vendor accounts never export.
 */
const EXPORT_ROLES: readonly Role[] = [
  'cc_lead',
  'cc_coordination',
  'cc_monitoring',
  'cc_analysis',
  'cc_vendor_coordination',
  'cc_knowledge',
  'working_group',
];

/** Reading the frozen reports in the browser (JSON): everyone who may export, and the focal points. */
const REPORT_READER_ROLES: readonly Role[] = [...EXPORT_ROLES, 'unit_focal'];

export const NO_EXPORT = bilingual(
  'Tài khoản này không được tải dữ liệu ra ngoài (chỉ Trung tâm Chỉ huy, tổ công tác, hoặc đầu mối với phạm vi đơn vị mình).',
  'This account may not export data (Command Center teams, working groups, or a focal point for its own unit only).',
);

/** null when `p` may export `scope` (a province/agency code, 'VN' or 'all'), else why not. */
export function exportDenial(p: Principal, scope: string): BilingualText | null {
  if (EXPORT_ROLES.includes(p.role)) return null;
  if (p.role === 'unit_focal' && p.unitCode !== undefined && scope === p.unitCode) return null;
  return NO_EXPORT;
}

export function mayReadReports(p: Principal): boolean {
  return REPORT_READER_ROLES.includes(p.role);
}

export function mayReadKpi(p: Principal): boolean {
  return EXPORT_ROLES.includes(p.role);
}
