/* Maintenance windows (docs/api.md "Maintenance windows"): every call needs a personal session. */
import { MaintenanceWindowSchema, type MaintenanceWindow } from '@kh02/schemas';
import { newIdempotencyKey } from './tickets-api';
import { arrayOf } from './parsers';
import type { RestClient } from './rest';

export interface NewMaintenance {
  system_id: string;
  starts_at: string;
  ends_at: string;
  reason: string;
}

export class MaintenanceApi {
  constructor(readonly rest: RestClient) {}

  list(systemId: string, signal?: AbortSignal): Promise<MaintenanceWindow[]> {
    const q = new URLSearchParams({ system: systemId });
    return this.rest.get(`/api/v1/maintenance?${q.toString()}`, arrayOf(MaintenanceWindowSchema), signal);
  }

  plan(input: NewMaintenance): Promise<MaintenanceWindow> {
    return this.rest.post('/api/v1/maintenance', input, MaintenanceWindowSchema, {
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
  }

  decide(id: string, action: 'approve' | 'reject' | 'cancel', note?: string): Promise<MaintenanceWindow> {
    const body = action === 'approve' ? {} : { note };
    return this.rest.post(`/api/v1/maintenance/${encodeURIComponent(id)}/${action}`, body, MaintenanceWindowSchema);
  }
}
