/*
 * Names that fit a wall tile in two lines at the minimum type size. The
 * longest official names (up to 49 characters) would need three; these use
 * the abbreviations of Vietnamese administrative writing (TW, MTTQ, KH&CN).
 * The full name stays in the tile's accessible name and tooltip.
 */
import type { Lang } from '@kh02/schemas';
import { AGENCY_BLOCK_NAMES, type AgencyBlock } from '@kh02/schemas/registry';

const SHORT: Readonly<Record<string, { vi: string; en?: string }>> = {
  DUMTTQ: { vi: 'Đảng ủy MTTQ, các đoàn thể TW', en: 'Party Cttee of the VFF & mass orgs' },
  TWDOAN: { vi: 'TW Đoàn TNCS Hồ Chí Minh', en: 'Ho Chi Minh Communist Youth Union' },
  MTTQ: { vi: 'UBTW Mặt trận Tổ quốc Việt Nam', en: 'Vietnam Fatherland Front' },
  VHLKHCN: { vi: 'Viện Hàn lâm KH&CN Việt Nam', en: 'Vietnam Academy of Sci. & Tech.' },
  VHLKHXH: { vi: 'Viện Hàn lâm KHXH Việt Nam', en: 'Vietnam Academy of Social Sciences' },
  BCSCLTW: { vi: 'Ban Chính sách, chiến lược TW', en: 'Central Policy & Strategy Cmsn' },
  BTGDVTW: { vi: 'Ban Tuyên giáo và Dân vận TW', en: 'Central Propaganda & Mass Mob. Cmsn' },
  DUCQDTW: { vi: 'Đảng ủy các cơ quan Đảng TW', en: 'Party Cttee of Central Party Agencies' },
  TLDLD: { vi: 'Tổng Liên đoàn Lao động Việt Nam', en: 'Vietnam Gen. Confed. of Labour' },
};

export function tileName(code: string, full: { vi: string; en: string }, lang: Lang): string {
  const short = SHORT[code];
  return (lang === 'en' ? short?.en : short?.vi) ?? full[lang];
}

/** Block headings over one-tile blocks: the court and the procuracy by their usual abbreviations (TAND, VKSND). */
const SHORT_BLOCKS: Partial<Record<AgencyBlock, { vi: string; en: string }>> = {
  supreme_court: { vi: 'TAND tối cao', en: 'Supreme Court' },
  supreme_procuracy: { vi: 'VKSND tối cao', en: 'Supreme Procuracy' },
};

export function blockHeading(block: AgencyBlock, narrow: boolean, lang: Lang): string {
  return ((narrow ? SHORT_BLOCKS[block] : undefined) ?? AGENCY_BLOCK_NAMES[block])[lang];
}
