import type { MaintenanceService } from '@kh02/api';
import { vnLocalDate, type Principal } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';

/**
 * Demo only: one approved maintenance window open on the wall, so the
 * marker, the system page's panel and the suppressed colour can be seen
 * without planning one by hand. Planned by the system's vendor and approved
 * by the lead, as in production; one per day (the idempotency key is the
 * date), so restarts do not pile windows up.
 */
export async function seedDemoMaintenance(service: MaintenanceService, registry: Registry, now: number): Promise<void> {
  const system = registry.systemsOfVendor('VIETTEL').find((s) => registry.kindOf(s.unitCode) === 'agency');
  if (!system) return;
  const vendor: Principal = {
    id: 'demo-vendor-viettel',
    username: 'demo-vendor-viettel',
    name: 'Đầu mối Viettel (mô phỏng)',
    role: 'vendor_focal',
    vendorCode: system.vendorCode,
  };
  const lead: Principal = {
    id: 'demo-cc-lead',
    username: 'demo-cc-lead',
    name: 'Tổ trưởng (mô phỏng)',
    role: 'cc_lead',
  };
  const w = await service.plan(
    vendor,
    {
      system_id: system.id,
      starts_at: new Date(now - 10 * 60_000).toISOString(),
      ends_at: new Date(now + 2 * 3_600_000).toISOString(),
      reason: 'Nâng cấp phiên bản phần mềm và vá lỗi bảo mật (mô phỏng)',
    },
    `demo-maintenance-${vnLocalDate(now)}`,
  );
  if (w.state === 'planned') await service.approve(lead, w.id);
}
