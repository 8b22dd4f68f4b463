import { NATIONAL_PLATFORMS } from './data/national-platforms.js';
import { hashSeed, seededRandom, weightedPick } from './prng.js';
import { provinceTitle } from './text.js';
import type { Agency, Province, System } from './types.js';

/*
 * Monitored systems, generated deterministically from the provinces and
 * agencies. Which vendor runs which system is DEMO DATA: the seeds name the
 * vendors and VNPT iGate as an example TTHC system (000 L3093), but give no
 * inventory. The weights only make the wall look like the real market
 * (VNPT runs most provincial one-stop systems, Viettel a good share, FPT and
 * CMC a few). Replace with the real inventory through a registry override.
 */

type VendorWeights = readonly (readonly [string, number])[];

const PROVINCE_TTHC: VendorWeights = [
  ['VNPT', 60],
  ['VIETTEL', 25],
  ['FPT', 10],
  ['CMC', 5],
];
const PROVINCE_QLVB: VendorWeights = [
  ['VNPT', 45],
  ['VIETTEL', 25],
  ['FPT', 15],
  ['CMC', 15],
];
const PROVINCE_IOC: VendorWeights = [
  ['VNPT', 40],
  ['VIETTEL', 40],
  ['FPT', 10],
  ['CMC', 10],
];
const AGENCY_SYSTEMS: VendorWeights = [
  ['VNPT', 35],
  ['VIETTEL', 30],
  ['FPT', 20],
  ['CMC', 15],
];

/** Viettel is a Ministry of Defence enterprise, so defence bodies are shown on Viettel. */
const DEFENCE_BODIES = new Set(['BQP', 'BCYCP', 'QUTW']);
/** The Government Office runs the national portal rather than procedures of its own. */
const NO_OWN_PROCEDURES = new Set(['VPCP']);
/** Subordinate bodies that serve citizens' procedures directly (social insurance for everyone). */
const SUBORDINATE_WITH_PROCEDURES = new Set(['BHXH']);

function pickVendor(weights: VendorWeights, systemId: string): string {
  return weightedPick(weights, seededRandom(hashSeed(`vendor:${systemId}`))());
}

/** The five systems every province runs for the one-stop and for operations. */
export function provinceSystems(p: Province): System[] {
  const title = provinceTitle(p);
  const id = (suffix: string): string => `p${p.code}.${suffix}`;
  const tthcVendor = pickVendor(PROVINCE_TTHC, id('tthc'));
  const unit = { unitCode: p.code } as const;
  // LGSP and SSO ship with the one-stop system in practice, so they share its vendor.
  return [
    { id: id('tthc'), name: `Hệ thống thông tin giải quyết TTHC ${title}`, nameEn: `${p.nameEn} Administrative Procedure Information System`, kind: 'tthc', vendorCode: tthcVendor, ...unit, critical: true },
    { id: id('qlvb'), name: `Hệ thống quản lý văn bản và hồ sơ công việc ${title}`, nameEn: `${p.nameEn} Document and Records Management System`, kind: 'document_mgmt', vendorCode: pickVendor(PROVINCE_QLVB, id('qlvb')), ...unit, critical: false },
    { id: id('lgsp'), name: `Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) ${title}`, nameEn: `${p.nameEn} Local Government Service Platform (LGSP)`, kind: 'lgsp', vendorCode: tthcVendor, ...unit, critical: true },
    { id: id('sso'), name: `Hệ thống xác thực tập trung (SSO) ${title}`, nameEn: `${p.nameEn} Single Sign-On (SSO)`, kind: 'sso', vendorCode: tthcVendor, ...unit, critical: true },
    { id: id('ioc'), name: `Trung tâm điều hành thông minh (IOC) ${title}`, nameEn: `${p.nameEn} Intelligent Operations Centre (IOC)`, kind: 'ioc', vendorCode: pickVendor(PROVINCE_IOC, id('ioc')), ...unit, critical: false },
  ]; // prettier-ignore
}

/** Whether an agency handles administrative procedures (TTHC) for citizens and firms. */
export function handlesProcedures(a: Agency): boolean {
  if (a.block !== 'government' || NO_OWN_PROCEDURES.has(a.code)) return false;
  return a.kind === 'ministry' || a.kind === 'ministerial_agency' || SUBORDINATE_WITH_PROCEDURES.has(a.code);
}

/** Document management for every agency; a TTHC system for government bodies that handle procedures. */
export function agencySystems(a: Agency): System[] {
  const id = (suffix: string): string => `a-${a.code.toLowerCase()}.${suffix}`;
  const vendor = (sid: string): string => (DEFENCE_BODIES.has(a.code) ? 'VIETTEL' : pickVendor(AGENCY_SYSTEMS, sid));
  const out: System[] = [];
  if (handlesProcedures(a)) {
    out.push({ id: id('tthc'), name: `Hệ thống thông tin giải quyết TTHC ${a.name}`, nameEn: `${a.nameEn} Administrative Procedure Information System`, kind: 'tthc', vendorCode: vendor(id('tthc')), unitCode: a.code, critical: true }); // prettier-ignore
  }
  out.push({ id: id('qlvb'), name: `Hệ thống quản lý văn bản và hồ sơ công việc ${a.name}`, nameEn: `${a.nameEn} Document and Records Management System`, kind: 'document_mgmt', vendorCode: vendor(id('qlvb')), unitCode: a.code, critical: false }); // prettier-ignore
  return out;
}

/**
 * All systems: per province, per agency, then the national platforms whose
 * owner agency is present (an agency list without BCA has no VNeID).
 */
export function generateSystems(provinces: readonly Province[], agencies: readonly Agency[]): System[] {
  const owners = new Set(agencies.map((a) => a.code));
  return [
    ...provinces.flatMap(provinceSystems),
    ...agencies.flatMap(agencySystems),
    ...NATIONAL_PLATFORMS.filter((s) => owners.has(s.unitCode)),
  ];
}
