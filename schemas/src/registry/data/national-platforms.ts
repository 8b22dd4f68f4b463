import type { System } from '../types.js';

/*
 * National platforms named in the seeds (seed-digest §1.11), attached to the
 * agency that owns them. VNPT running the National Public Service Portal is
 * in the seeds (001 L602-610); the other vendor assignments are DEMO DATA.
 * "critical" marks platforms whose outage stops citizens' procedures
 * (filing, login, data lookups) rather than internal paperwork.
 */
// prettier-ignore
export const NATIONAL_PLATFORMS: readonly System[] = [
  { id: 'nat.dvcqg', name: 'Cổng Dịch vụ công quốc gia', nameEn: 'National Public Service Portal', kind: 'national_platform', vendorCode: 'VNPT', unitCode: 'VPCP', critical: true },
  { id: 'nat.truc-vb', name: 'Trục liên thông văn bản quốc gia', nameEn: 'National Document Interconnection Axis', kind: 'national_platform', vendorCode: 'VNPT', unitCode: 'VPCP', critical: false },
  { id: 'nat.bcqg', name: 'Hệ thống thông tin báo cáo quốc gia', nameEn: 'National Reporting Information System', kind: 'reporting', vendorCode: 'VIETTEL', unitCode: 'VPCP', critical: false },
  { id: 'nat.vneid', name: 'Hệ thống định danh và xác thực điện tử VNeID', nameEn: 'VNeID Electronic Identification and Authentication System', kind: 'national_platform', vendorCode: 'VIETTEL', unitCode: 'BCA', critical: true },
  { id: 'nat.ndxp', name: 'Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)', nameEn: 'National Data Exchange Platform (NDXP)', kind: 'national_platform', vendorCode: 'VIETTEL', unitCode: 'BCA', critical: true },
  { id: 'nat.ndc', name: 'Trung tâm dữ liệu quốc gia', nameEn: 'National Data Centre', kind: 'database', vendorCode: 'VIETTEL', unitCode: 'BCA', critical: true },
  { id: 'nat.tslcd', name: 'Mạng truyền số liệu chuyên dùng', nameEn: 'Government Dedicated Data Network', kind: 'national_platform', vendorCode: 'VNPT', unitCode: 'BKHCN', critical: true },
];
