import { bilingual, type FieldIssue, type TelemetryEventByKind, type TelemetryKind } from '@kh02/schemas';
import type { ApiKeyRecord } from './api-keys.js';

/** What scope checks need from the unit registry. */
export interface ScopeRegistry {
  system(id: string): { vendorCode: string; unitCode: string } | undefined;
  commune(code: string): { provinceCode: string } | undefined;
}

export type ScopeVerdict =
  | { kind: 'ok' }
  /** The row names something the registry does not know or that does not fit: a data error (400 for that row). */
  | { kind: 'invalid'; issue: Omit<FieldIssue, 'index'> }
  /** The key may not report this (403 for the whole request: BOLA, OWASP API1). */
  | { kind: 'forbidden'; issue: Omit<FieldIssue, 'index'> };

const forbidden = (path: string, vi: string, en: string): ScopeVerdict => ({
  kind: 'forbidden',
  issue: { path, reason: 'out_of_scope', message: bilingual(vi, en) },
});

function checkVendorRow(
  key: ApiKeyRecord,
  row: { vendor: string; system_id: string; unit_code: string },
  registry: ScopeRegistry,
): ScopeVerdict {
  if (key.kind !== 'vendor' || row.vendor !== key.vendor) {
    return forbidden(
      'vendor',
      `Khóa API này không được gửi dữ liệu thay cho nhà cung cấp ${row.vendor}.`,
      `This API key may not report as vendor ${row.vendor}.`,
    );
  }
  const system = registry.system(row.system_id);
  if (!system) {
    return {
      kind: 'invalid',
      issue: {
        path: 'system_id',
        reason: 'unknown_system',
        message: bilingual(
          `Hệ thống ${row.system_id} chưa được đăng ký trong danh mục.`,
          `System ${row.system_id} is not in the registry.`,
        ),
      },
    };
  }
  if (system.vendorCode !== key.vendor) {
    return forbidden(
      'system_id',
      `Hệ thống ${row.system_id} không do ${key.vendor ?? ''} vận hành.`,
      `System ${row.system_id} is not operated by ${key.vendor ?? ''}.`,
    );
  }
  if (system.unitCode !== row.unit_code) {
    return {
      kind: 'invalid',
      issue: {
        path: 'unit_code',
        reason: 'unit_mismatch',
        message: bilingual(
          `Hệ thống ${row.system_id} thuộc đơn vị ${system.unitCode}, không phải ${row.unit_code}.`,
          `System ${row.system_id} belongs to unit ${system.unitCode}, not ${row.unit_code}.`,
        ),
      },
    };
  }
  if (key.units && !key.units.includes(system.unitCode)) {
    return forbidden(
      'unit_code',
      `Khóa API này không được gửi dữ liệu cho đơn vị ${system.unitCode}.`,
      `This API key may not report for unit ${system.unitCode}.`,
    );
  }
  return { kind: 'ok' };
}

function checkCounterRow(key: ApiKeyRecord, unitCode: string, registry: ScopeRegistry): ScopeVerdict {
  if (key.kind !== 'counter') {
    return forbidden(
      'unit_code',
      'Khóa API nhà cung cấp không được gửi số liệu giao dịch.',
      'A vendor key may not send counter reports.',
    );
  }
  const unit = registry.commune(unitCode);
  if (!unit) {
    return {
      kind: 'invalid',
      issue: {
        path: 'unit_code',
        reason: 'unknown_unit',
        message: bilingual(
          `Mã đơn vị ${unitCode} không có trong danh mục.`,
          `Unit code ${unitCode} is not in the registry.`,
        ),
      },
    };
  }
  const units = key.units ?? [];
  if (!units.includes(unitCode) && !units.includes(unit.provinceCode)) {
    return forbidden(
      'unit_code',
      `Khóa API này không được gửi số liệu cho đơn vị ${unitCode}.`,
      `This API key may not report for unit ${unitCode}.`,
    );
  }
  return { kind: 'ok' };
}

export function checkScope<K extends TelemetryKind>(
  kind: K,
  key: ApiKeyRecord,
  event: TelemetryEventByKind[K],
  registry: ScopeRegistry,
): ScopeVerdict {
  if (kind === 'counter_report') {
    return checkCounterRow(key, (event as TelemetryEventByKind['counter_report']).unit_code, registry);
  }
  return checkVendorRow(key, event as TelemetryEventByKind['health_sample'], registry);
}
