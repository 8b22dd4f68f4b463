import { hashSeed, seededRandom, type Registry } from '@kh02/schemas/registry';

/** A stable number in [0, 1) per unit, so the demo looks the same on every machine. */
export function hashUnit(s: string): number {
  return hashSeed(s) / 4294967296;
}

export { seededRandom as mulberry32 };

export interface CommuneProfile {
  code: string;
  provinceCode: string;
  dailyTarget: number;
  onlineShare: number;
  onTimeShare: number;
  silent: boolean;
}

export interface SystemProfile {
  id: string;
  vendor: string;
  unitCode: string;
  cpuBase: number;
  ramBase: number;
  /** 'overloaded' runs hot, 'down' stops sending, 'breached' raises a security alert, 'no_report' skips the 08:00 report. */
  trouble: 'none' | 'overloaded' | 'down' | 'breached' | 'no_report';
}

/** A few provinces are deliberately off target so the wall is not all green. */
const PROVINCE_ONLINE: Record<string, number> = { '12': 0.74, '11': 0.77, '04': 0.55, '14': 0.78 };
const PROVINCE_ON_TIME: Record<string, number> = { '42': 0.975, '51': 0.93 };
/** One province where about half of the communes have gone quiet. */
const QUIET_PROVINCE = '20';

export function communeProfiles(registry: Registry): CommuneProfile[] {
  return registry.communes.map((c) => {
    const r = hashUnit(c.code);
    const centre = c.kind === 'trung_tam_tinh';
    return {
      code: c.code,
      provinceCode: c.provinceCode,
      dailyTarget: centre ? 400 + Math.round(r * 600) : 25 + Math.round(r * 45),
      onlineShare: Math.min(0.99, (PROVINCE_ONLINE[c.provinceCode] ?? 0.86) + (hashUnit(`${c.code}o`) - 0.5) * 0.08),
      onTimeShare: Math.min(1, (PROVINCE_ON_TIME[c.provinceCode] ?? 0.997) + (hashUnit(`${c.code}t`) - 0.5) * 0.006),
      silent: !centre && (r < 0.015 || (c.provinceCode === QUIET_PROVINCE && r < 0.5)),
    };
  });
}

export function systemProfiles(registry: Registry): SystemProfile[] {
  const troubled: Record<string, SystemProfile['trouble']> = {};
  // Pick troubled systems deterministically from the registry so any registry works.
  const ids = registry.systems.map((s) => s.id).sort((a, b) => hashUnit(a) - hashUnit(b));
  const pick = (i: number, t: SystemProfile['trouble']) => {
    const id = ids[i];
    if (id) troubled[id] = t;
  };
  pick(0, 'overloaded');
  pick(1, 'overloaded');
  pick(2, 'down');
  pick(3, 'breached');
  pick(4, 'no_report');
  pick(5, 'no_report');
  return registry.systems.map((s) => ({
    id: s.id,
    vendor: s.vendorCode,
    unitCode: s.unitCode,
    cpuBase: 20 + hashUnit(`${s.id}c`) * 35,
    ramBase: 40 + hashUnit(`${s.id}r`) * 30,
    trouble: troubled[s.id] ?? 'none',
  }));
}
