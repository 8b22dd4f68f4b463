import type { Province } from '../types.js';

/*
 * The 34 provincial-level units from 1 July 2025.
 *
 * Sources and caveats:
 * - Units and what they merged from: National Assembly Resolution
 *   202/2025/QH15 (12 June 2025) on arranging provincial-level units —
 *   6 centrally-run cities and 28 provinces; 11 units were left unchanged.
 * - Codes: the new administrative-unit code list under Decision
 *   19/2025/QĐ-TTg. The codes below are the ones in circulation; VERIFY
 *   AGAINST THE OFFICIAL LIST before relying on them in integrations.
 * - communeCount: commune-level units (xã + phường + đặc khu) as published
 *   with the 34 NA Standing Committee commune-merger resolutions (June 2025);
 *   national total 3,321 (see shared/research/anchors-perf-reliability.md §A9).
 *   It excludes the provincial public-administration service centre.
 * - mergedFrom lists the pre-merger (63-unit) provinces; an unchanged unit
 *   lists itself, so the lists cover all 63 exactly once. Huế became a
 *   centrally-run city on 1 Jan 2025; it is listed under its long-standing
 *   provincial name Thừa Thiên Huế so operators recognise it.
 * - The seeds never list the 34 units (seed-digest §1.10): this is external data.
 */
export const PROVINCES: readonly Province[] = [
  { code: '01', name: 'Hà Nội', nameEn: 'Hanoi', kind: 'thanh_pho', mergedFrom: ['Hà Nội'], communeCount: 126 },
  { code: '04', name: 'Cao Bằng', nameEn: 'Cao Bang', kind: 'tinh', mergedFrom: ['Cao Bằng'], communeCount: 56 },
  { code: '08', name: 'Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'tinh', mergedFrom: ['Hà Giang', 'Tuyên Quang'], communeCount: 124 },
  { code: '11', name: 'Điện Biên', nameEn: 'Dien Bien', kind: 'tinh', mergedFrom: ['Điện Biên'], communeCount: 45 },
  { code: '12', name: 'Lai Châu', nameEn: 'Lai Chau', kind: 'tinh', mergedFrom: ['Lai Châu'], communeCount: 38 },
  { code: '14', name: 'Sơn La', nameEn: 'Son La', kind: 'tinh', mergedFrom: ['Sơn La'], communeCount: 75 },
  { code: '15', name: 'Lào Cai', nameEn: 'Lao Cai', kind: 'tinh', mergedFrom: ['Lào Cai', 'Yên Bái'], communeCount: 99 },
  { code: '19', name: 'Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'tinh', mergedFrom: ['Bắc Kạn', 'Thái Nguyên'], communeCount: 92 },
  { code: '20', name: 'Lạng Sơn', nameEn: 'Lang Son', kind: 'tinh', mergedFrom: ['Lạng Sơn'], communeCount: 65 },
  { code: '22', name: 'Quảng Ninh', nameEn: 'Quang Ninh', kind: 'tinh', mergedFrom: ['Quảng Ninh'], communeCount: 54 },
  { code: '24', name: 'Bắc Ninh', nameEn: 'Bac Ninh', kind: 'tinh', mergedFrom: ['Bắc Giang', 'Bắc Ninh'], communeCount: 99 },
  { code: '25', name: 'Phú Thọ', nameEn: 'Phu Tho', kind: 'tinh', mergedFrom: ['Hòa Bình', 'Vĩnh Phúc', 'Phú Thọ'], communeCount: 148 },
  { code: '31', name: 'Hải Phòng', nameEn: 'Hai Phong', kind: 'thanh_pho', mergedFrom: ['Hải Dương', 'Hải Phòng'], communeCount: 114 },
  { code: '33', name: 'Hưng Yên', nameEn: 'Hung Yen', kind: 'tinh', mergedFrom: ['Thái Bình', 'Hưng Yên'], communeCount: 104 },
  { code: '37', name: 'Ninh Bình', nameEn: 'Ninh Binh', kind: 'tinh', mergedFrom: ['Hà Nam', 'Nam Định', 'Ninh Bình'], communeCount: 129 },
  { code: '38', name: 'Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'tinh', mergedFrom: ['Thanh Hóa'], communeCount: 166 },
  { code: '40', name: 'Nghệ An', nameEn: 'Nghe An', kind: 'tinh', mergedFrom: ['Nghệ An'], communeCount: 130 },
  { code: '42', name: 'Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'tinh', mergedFrom: ['Hà Tĩnh'], communeCount: 69 },
  { code: '44', name: 'Quảng Trị', nameEn: 'Quang Tri', kind: 'tinh', mergedFrom: ['Quảng Bình', 'Quảng Trị'], communeCount: 78 },
  { code: '46', name: 'Huế', nameEn: 'Hue', kind: 'thanh_pho', mergedFrom: ['Thừa Thiên Huế'], communeCount: 40 },
  { code: '48', name: 'Đà Nẵng', nameEn: 'Da Nang', kind: 'thanh_pho', mergedFrom: ['Quảng Nam', 'Đà Nẵng'], communeCount: 94 },
  { code: '51', name: 'Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'tinh', mergedFrom: ['Kon Tum', 'Quảng Ngãi'], communeCount: 96 },
  { code: '52', name: 'Gia Lai', nameEn: 'Gia Lai', kind: 'tinh', mergedFrom: ['Gia Lai', 'Bình Định'], communeCount: 135 },
  { code: '56', name: 'Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'tinh', mergedFrom: ['Ninh Thuận', 'Khánh Hòa'], communeCount: 65 },
  { code: '66', name: 'Đắk Lắk', nameEn: 'Dak Lak', kind: 'tinh', mergedFrom: ['Phú Yên', 'Đắk Lắk'], communeCount: 102 },
  { code: '68', name: 'Lâm Đồng', nameEn: 'Lam Dong', kind: 'tinh', mergedFrom: ['Đắk Nông', 'Bình Thuận', 'Lâm Đồng'], communeCount: 124 },
  { code: '75', name: 'Đồng Nai', nameEn: 'Dong Nai', kind: 'tinh', mergedFrom: ['Bình Phước', 'Đồng Nai'], communeCount: 95 },
  { code: '79', name: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'thanh_pho', mergedFrom: ['Bình Dương', 'Bà Rịa - Vũng Tàu', 'TP. Hồ Chí Minh'], communeCount: 168 },
  { code: '80', name: 'Tây Ninh', nameEn: 'Tay Ninh', kind: 'tinh', mergedFrom: ['Long An', 'Tây Ninh'], communeCount: 96 },
  { code: '82', name: 'Đồng Tháp', nameEn: 'Dong Thap', kind: 'tinh', mergedFrom: ['Tiền Giang', 'Đồng Tháp'], communeCount: 102 },
  { code: '86', name: 'Vĩnh Long', nameEn: 'Vinh Long', kind: 'tinh', mergedFrom: ['Bến Tre', 'Trà Vinh', 'Vĩnh Long'], communeCount: 124 },
  { code: '91', name: 'An Giang', nameEn: 'An Giang', kind: 'tinh', mergedFrom: ['Kiên Giang', 'An Giang'], communeCount: 102 },
  { code: '92', name: 'Cần Thơ', nameEn: 'Can Tho', kind: 'thanh_pho', mergedFrom: ['Sóc Trăng', 'Hậu Giang', 'Cần Thơ'], communeCount: 103 },
  { code: '96', name: 'Cà Mau', nameEn: 'Ca Mau', kind: 'tinh', mergedFrom: ['Bạc Liêu', 'Cà Mau'], communeCount: 64 },
];
