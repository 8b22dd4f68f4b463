import { VNPT_SYSTEM } from '@kh02/testkit';
import { encodeRemoteWrite, healthSeriesFor, type SeriesToSend } from '../../src/protocols/remote-write-encode.js';

export { encodeRemoteWrite as remoteWriteBody };

/** A complete set for VNPT_SYSTEM (plus `up` and response time) at one instant; override any value or label. */
export function healthSeries(
  timestamp: number,
  values: Partial<{ uptime: number; cpu: number; ram: number; netIn: number; netOut: number; response: number }> = {},
  labels: Record<string, string> = {},
  systemId: string = VNPT_SYSTEM.id,
): SeriesToSend[] {
  const v = { uptime: 99.9, cpu: 42.5, ram: 61, netIn: 12e6, netOut: 8e6, response: 0.18, ...values };
  return healthSeriesFor(systemId, timestamp, v, labels);
}
