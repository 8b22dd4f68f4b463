import type { Agency, AgencyBlock } from '../types.js';
import type { BilingualText } from '../messages.js';

/** Block headings for the wall, in both languages. */
export const AGENCY_BLOCK_NAMES: Readonly<Record<AgencyBlock, BilingualText>> = {
  party: { vi: 'Khối Đảng', en: 'Party' },
  national_assembly: { vi: 'Khối Quốc hội', en: 'National Assembly' },
  state_president: { vi: 'Chủ tịch nước', en: 'State President' },
  government: { vi: 'Khối Chính phủ', en: 'Government' },
  fatherland_front: {
    vi: 'Mặt trận Tổ quốc và các đoàn thể',
    en: 'Fatherland Front and mass organisations',
  },
  supreme_court: { vi: 'Tòa án nhân dân tối cao', en: "Supreme People's Court" },
  supreme_procuracy: { vi: 'Viện kiểm sát nhân dân tối cao', en: "Supreme People's Procuracy" },
  state_audit: { vi: 'Kiểm toán nhà nước', en: 'State Audit Office' },
};

/*
 * Central agencies, by block.
 *
 * - Government: 14 ministries + 3 ministerial-level agencies (NA Resolution
 *   176/2025/QH15, from 1 Mar 2025) + 5 agencies under the Government, plus
 *   the two seed-named subordinate bodies with their parent.
 * - Party, NA, State President, Front, court, procuracy, audit: the central
 *   bodies a Plan 02 focal point would sit in after the 2025 restructuring.
 * - namedInSeeds/seedRef: named specifically in the seeds, with the reference
 *   used in shared/domain/seed-digest.md §1.9 (`file Lline`). Generic mentions
 *   ("các Ban Đảng Trung ương", "các đoàn thể") do not count.
 * - Codes are our mnemonics (Vietnamese initials, or the well-known acronym
 *   such as VTV/VOV), not an official code list.
 */
// prettier-ignore
export const AGENCIES: readonly Agency[] = [
  // ---- Party
  { code: 'VPTW', name: 'Văn phòng Trung ương Đảng', nameEn: 'Office of the Party Central Committee', block: 'party', kind: 'party_agency', namedInSeeds: true, seedRef: '000 L480' },
  { code: 'BTCTW', name: 'Ban Tổ chức Trung ương', nameEn: 'Central Organisation Commission', block: 'party', kind: 'party_agency', namedInSeeds: true, seedRef: '000 L1896' },
  { code: 'BTGDVTW', name: 'Ban Tuyên giáo và Dân vận Trung ương', nameEn: 'Central Propaganda and Mass Mobilisation Commission', block: 'party', kind: 'party_agency', namedInSeeds: true, seedRef: '004 L84' },
  { code: 'UBKTTW', name: 'Ủy ban Kiểm tra Trung ương', nameEn: 'Central Inspection Commission', block: 'party', kind: 'party_agency', namedInSeeds: false },
  { code: 'BNCTW', name: 'Ban Nội chính Trung ương', nameEn: 'Central Internal Affairs Commission', block: 'party', kind: 'party_agency', namedInSeeds: false },
  { code: 'BCSCLTW', name: 'Ban Chính sách, chiến lược Trung ương', nameEn: 'Central Policy and Strategy Commission', block: 'party', kind: 'party_agency', namedInSeeds: false },
  { code: 'DUCQDTW', name: 'Đảng ủy các cơ quan Đảng Trung ương', nameEn: 'Party Committee of Central Party Agencies', block: 'party', kind: 'party_committee', namedInSeeds: false },
  // The seeds (000 L1023) still use the pre-2025 wording "Đảng ủy các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ".
  { code: 'DUCP', name: 'Đảng ủy Chính phủ', nameEn: 'Government Party Committee', block: 'party', kind: 'party_committee', namedInSeeds: false },
  { code: 'DUQH', name: 'Đảng ủy Quốc hội', nameEn: 'National Assembly Party Committee', block: 'party', kind: 'party_committee', namedInSeeds: false },
  { code: 'DUMTTQ', name: 'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương', nameEn: 'Party Committee of the Fatherland Front and Central Mass Organisations', block: 'party', kind: 'party_committee', namedInSeeds: true, seedRef: '000 L1024' },
  { code: 'QUTW', name: 'Quân ủy Trung ương', nameEn: 'Central Military Commission', block: 'party', kind: 'party_committee', namedInSeeds: true, seedRef: '000 L1023' },
  { code: 'DUCATW', name: 'Đảng ủy Công an Trung ương', nameEn: 'Central Public Security Party Committee', block: 'party', kind: 'party_committee', namedInSeeds: true, seedRef: '000 L1024' },

  // ---- National Assembly and State President
  { code: 'VPQH', name: 'Văn phòng Quốc hội', nameEn: 'Office of the National Assembly', block: 'national_assembly', kind: 'na_agency', namedInSeeds: true, seedRef: '001 L880' },
  { code: 'HDDT', name: 'Hội đồng Dân tộc', nameEn: 'Ethnic Council', block: 'national_assembly', kind: 'na_agency', namedInSeeds: false },
  { code: 'VPCTN', name: 'Văn phòng Chủ tịch nước', nameEn: 'Office of the President', block: 'state_president', kind: 'state_office', namedInSeeds: true, seedRef: '001 L880' },

  // ---- Government: ministries
  { code: 'BQP', name: 'Bộ Quốc phòng', nameEn: 'Ministry of National Defence', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L2978' },
  { code: 'BCA', name: 'Bộ Công an', nameEn: 'Ministry of Public Security', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L9' },
  { code: 'BNG', name: 'Bộ Ngoại giao', nameEn: 'Ministry of Foreign Affairs', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L167' },
  { code: 'BNV', name: 'Bộ Nội vụ', nameEn: 'Ministry of Home Affairs', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L2921' },
  { code: 'BTP', name: 'Bộ Tư pháp', nameEn: 'Ministry of Justice', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L1981' },
  { code: 'BTC', name: 'Bộ Tài chính', nameEn: 'Ministry of Finance', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L1875' },
  { code: 'BCT', name: 'Bộ Công Thương', nameEn: 'Ministry of Industry and Trade', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L2586' },
  { code: 'BNNMT', name: 'Bộ Nông nghiệp và Môi trường', nameEn: 'Ministry of Agriculture and Environment', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L2003' },
  { code: 'BXD', name: 'Bộ Xây dựng', nameEn: 'Ministry of Construction', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L168' },
  { code: 'BVHTTDL', name: 'Bộ Văn hóa, Thể thao và Du lịch', nameEn: 'Ministry of Culture, Sports and Tourism', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L167' },
  { code: 'BKHCN', name: 'Bộ Khoa học và Công nghệ', nameEn: 'Ministry of Science and Technology', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '000 L1930' },
  { code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', nameEn: 'Ministry of Education and Training', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L168' },
  { code: 'BYT', name: 'Bộ Y tế', nameEn: 'Ministry of Health', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L142' },
  { code: 'BDTTG', name: 'Bộ Dân tộc và Tôn giáo', nameEn: 'Ministry of Ethnic and Religious Affairs', block: 'government', kind: 'ministry', namedInSeeds: true, seedRef: '004 L170' },

  // ---- Government: ministerial-level agencies (the State Bank is not named in the seeds)
  { code: 'NHNN', name: 'Ngân hàng Nhà nước Việt Nam', nameEn: 'State Bank of Vietnam', block: 'government', kind: 'ministerial_agency', namedInSeeds: false },
  { code: 'TTCP', name: 'Thanh tra Chính phủ', nameEn: 'Government Inspectorate', block: 'government', kind: 'ministerial_agency', namedInSeeds: true, seedRef: '004 L171' },
  { code: 'VPCP', name: 'Văn phòng Chính phủ', nameEn: 'Government Office', block: 'government', kind: 'ministerial_agency', namedInSeeds: true, seedRef: '000 L2061' },

  // ---- Government: agencies under the Government
  { code: 'VTV', name: 'Đài Truyền hình Việt Nam', nameEn: 'Vietnam Television', block: 'government', kind: 'government_agency', namedInSeeds: false },
  { code: 'VOV', name: 'Đài Tiếng nói Việt Nam', nameEn: 'Voice of Vietnam', block: 'government', kind: 'government_agency', namedInSeeds: false },
  { code: 'TTXVN', name: 'Thông tấn xã Việt Nam', nameEn: 'Vietnam News Agency', block: 'government', kind: 'government_agency', namedInSeeds: false },
  { code: 'VHLKHCN', name: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', nameEn: 'Vietnam Academy of Science and Technology', block: 'government', kind: 'government_agency', namedInSeeds: false },
  { code: 'VHLKHXH', name: 'Viện Hàn lâm Khoa học xã hội Việt Nam', nameEn: 'Vietnam Academy of Social Sciences', block: 'government', kind: 'government_agency', namedInSeeds: false },

  // ---- Government: seed-named subordinate bodies (004 L117 "Bộ Tài chính (Bảo hiểm xã hội Việt Nam)"; 000 L2978 "Bộ Quốc phòng (Ban Cơ yếu Chính phủ)")
  { code: 'BCYCP', name: 'Ban Cơ yếu Chính phủ', nameEn: 'Government Cipher Committee', block: 'government', kind: 'subordinate_agency', parentCode: 'BQP', namedInSeeds: true, seedRef: '000 L1968' },
  { code: 'BHXH', name: 'Bảo hiểm xã hội Việt Nam', nameEn: 'Vietnam Social Security', block: 'government', kind: 'subordinate_agency', parentCode: 'BTC', namedInSeeds: true, seedRef: '004 L117' },

  // ---- Fatherland Front and mass organisations. Since the 2025 restructuring the
  // socio-political organisations sit under the Front, hence parentCode MTTQ.
  { code: 'MTTQ', name: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', nameEn: 'Central Committee of the Vietnam Fatherland Front', block: 'fatherland_front', kind: 'front', namedInSeeds: true, seedRef: '000 L2904' },
  // The seeds name the Youth Union at provincial and commune level, not its Central Committee.
  { code: 'TWDOAN', name: 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', nameEn: 'Ho Chi Minh Communist Youth Union Central Committee', block: 'fatherland_front', kind: 'mass_org', parentCode: 'MTTQ', namedInSeeds: true, seedRef: '000 L3510' },
  { code: 'TLDLD', name: 'Tổng Liên đoàn Lao động Việt Nam', nameEn: 'Vietnam General Confederation of Labour', block: 'fatherland_front', kind: 'mass_org', parentCode: 'MTTQ', namedInSeeds: false },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ Việt Nam', nameEn: "Vietnam Women's Union", block: 'fatherland_front', kind: 'mass_org', parentCode: 'MTTQ', namedInSeeds: false },
  { code: 'HND', name: 'Hội Nông dân Việt Nam', nameEn: "Vietnam Farmers' Union", block: 'fatherland_front', kind: 'mass_org', parentCode: 'MTTQ', namedInSeeds: false },
  { code: 'HCCB', name: 'Hội Cựu chiến binh Việt Nam', nameEn: "Vietnam Veterans' Association", block: 'fatherland_front', kind: 'mass_org', parentCode: 'MTTQ', namedInSeeds: false },

  // ---- Judiciary, procuracy, audit
  { code: 'TANDTC', name: 'Tòa án nhân dân tối cao', nameEn: "Supreme People's Court", block: 'supreme_court', kind: 'court', namedInSeeds: true, seedRef: '000 L2545' },
  { code: 'VKSNDTC', name: 'Viện kiểm sát nhân dân tối cao', nameEn: "Supreme People's Procuracy", block: 'supreme_procuracy', kind: 'procuracy', namedInSeeds: true, seedRef: '000 L191' },
  { code: 'KTNN', name: 'Kiểm toán nhà nước', nameEn: 'State Audit Office of Vietnam', block: 'state_audit', kind: 'audit', namedInSeeds: false },
];
