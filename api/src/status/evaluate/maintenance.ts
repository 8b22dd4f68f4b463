import type { SystemResult } from './system.js';
import { finish } from './evaluation.js';

/**
 * What an approved maintenance window still lets through: a security alert
 * or a vendor incident during maintenance is still one (a window must never
 * hide an attack); load, uptime, silence and the daily report are expected
 * to look bad while the vendor works, so they do not colour the unit.
 */
const KEPT_DURING_MAINTENANCE = new Set(['security_alert', 'vendor_incident', 'incident_reporting']);

export function duringMaintenance(result: SystemResult, endsAt: string): SystemResult {
  const kept = result.reasons.filter((r) => KEPT_DURING_MAINTENANCE.has(r.indicator));
  return { ...finish(kept, result.dataAsOfMs), metrics: result.metrics, maintenanceUntil: endsAt };
}
