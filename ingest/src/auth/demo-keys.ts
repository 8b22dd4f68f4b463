import { generateToken, type ApiKeyRecord } from './api-keys.js';

export interface DemoCredentials {
  records: ApiKeyRecord[];
  /** key id → bearer token, for the simulator and the README's curl examples. */
  tokens: Record<string, string>;
}

interface RegistryForKeys {
  vendors: readonly { code: string; name: string }[];
  provinces: readonly { code: string; name: string }[];
}

/**
 * Demo keys for the embedded default: one per vendor (scoped to the systems
 * it operates) and one per province centre (scoped to that province's
 * commune-level units). Generated on first start, never committed.
 */
export function createDemoKeys(
  registry: RegistryForKeys,
  opts: { ratePerSec?: number; burst?: number } = {},
): DemoCredentials {
  const records: ApiKeyRecord[] = [];
  const tokens: Record<string, string> = {};
  const add = (
    record: Omit<ApiKeyRecord, 'secret_sha256' | 'rate_per_sec' | 'burst' | 'require_signature' | 'disabled'>,
  ) => {
    const { token, secretSha256 } = generateToken(record.id);
    records.push({
      ...record,
      secret_sha256: [secretSha256],
      rate_per_sec: opts.ratePerSec ?? 500,
      burst: opts.burst ?? 2_000,
      require_signature: false,
      disabled: false,
    });
    tokens[record.id] = token;
  };
  for (const v of registry.vendors) {
    add({ id: `vendor-${v.code.toLowerCase()}`, label: `Demo: ${v.name}`, kind: 'vendor', vendor: v.code });
  }
  for (const p of registry.provinces) {
    add({ id: `counter-p${p.code}`, label: `Demo: các đơn vị cấp xã của ${p.name}`, kind: 'counter', units: [p.code] });
  }
  return { records, tokens };
}
