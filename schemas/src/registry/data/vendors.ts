import type { Vendor } from '../types.js';

/*
 * IT vendors. VNPT, Viettel and FPT are named in the seeds (seed-digest §1.8,
 * 000 L518, 001 L1041-1043); CMC is added as the fourth large government IT
 * vendor so demo data is not a three-way split. Codes are the vendors' own
 * brand acronyms.
 */
export const VENDORS: readonly Vendor[] = [
  { code: 'VNPT', name: 'Tập đoàn Bưu chính Viễn thông Việt Nam', nameEn: 'Vietnam Posts and Telecommunications Group' },
  { code: 'VIETTEL', name: 'Tập đoàn Công nghiệp - Viễn thông Quân đội', nameEn: 'Viettel Group' },
  { code: 'FPT', name: 'Tập đoàn FPT', nameEn: 'FPT Corporation' },
  { code: 'CMC', name: 'Tập đoàn Công nghệ CMC', nameEn: 'CMC Corporation' },
];
