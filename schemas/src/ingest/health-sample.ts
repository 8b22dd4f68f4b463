import { z } from 'zod';
import {
  AlertSchema,
  BitsPerSecondSchema,
  EventIdSchema,
  InstantSchema,
  OwnerUnitCodeSchema,
  PercentSchema,
  SystemIdSchema,
  VendorCodeSchema,
} from './primitives.js';

/**
 * A frequent health sample pushed by a vendor for one system it operates
 * (seed-digest §4.1: uptime, CPU, RAM, network traffic, alerts).
 * `uptime_pct` is availability over the sampling interval the vendor uses.
 */
export const HealthSampleSchema = z.strictObject({
  event_id: EventIdSchema,
  vendor: VendorCodeSchema,
  system_id: SystemIdSchema,
  unit_code: OwnerUnitCodeSchema,
  observed_at: InstantSchema,
  uptime_pct: PercentSchema,
  cpu_pct: PercentSchema,
  ram_pct: PercentSchema,
  net_in_bps: BitsPerSecondSchema,
  net_out_bps: BitsPerSecondSchema,
  response_ms: z.number().min(0).max(600_000).optional(),
  alerts: z.array(AlertSchema).max(20).optional(),
});
export type HealthSample = z.infer<typeof HealthSampleSchema>;
