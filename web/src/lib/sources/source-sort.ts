/*
 * The 07:30 check reads worst first: silent before late before in sync, and
 * for systems a missing daily report before a late one. Ties keep the
 * longest-silent first, then code order, so the list does not jump around.
 */
import type { DailyReportStatus, ProvinceCounters, SyncStatus, SystemSource, VendorSource } from '@kh02/schemas';
import type { IconName } from '$lib/components/icons/icons';

export const SYNC_RANK: Record<SyncStatus, number> = { silent: 0, late: 1, ok: 2 };
export const DAILY_RANK: Record<DailyReportStatus, number> = { missing: 0, late: 1, pending: 2, ok: 3 };

/** Icons so the statuses differ without colour (same shapes as the wall's states). */
export const SYNC_ICON: Record<SyncStatus, IconName> = { ok: 'check', late: 'clock', silent: 'cross' };
export const DAILY_ICON: Record<DailyReportStatus, IconName> = {
  ok: 'check',
  late: 'clock',
  pending: 'question',
  missing: 'cross',
};

/** Oldest (or never) first; null sorts before any time. */
const byAge = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

export function sortSystems(list: readonly SystemSource[]): SystemSource[] {
  return [...list].sort(
    (a, b) =>
      SYNC_RANK[a.sample_status] - SYNC_RANK[b.sample_status] ||
      DAILY_RANK[a.daily_report.status] - DAILY_RANK[b.daily_report.status] ||
      Number(b.critical) - Number(a.critical) ||
      byAge(a.last_received_at, b.last_received_at) ||
      a.id.localeCompare(b.id),
  );
}

export function sortVendors(list: readonly VendorSource[]): VendorSource[] {
  return [...list].sort(
    (a, b) =>
      SYNC_RANK[a.status] - SYNC_RANK[b.status] ||
      b.samples.silent - a.samples.silent ||
      b.daily_reports.missing - a.daily_reports.missing ||
      a.code.localeCompare(b.code),
  );
}

export function sortProvinces(list: readonly ProvinceCounters[]): ProvinceCounters[] {
  return [...list].sort(
    (a, b) =>
      SYNC_RANK[a.status] - SYNC_RANK[b.status] ||
      b.statuses.silent / Math.max(1, b.expected) - a.statuses.silent / Math.max(1, a.expected) ||
      a.code.localeCompare(b.code),
  );
}
