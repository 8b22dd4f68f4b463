import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import type { AccountService, NewAccount } from './accounts.js';
import { SYSTEM_PRINCIPAL } from './principal.js';

type Demo = Omit<NewAccount, 'password' | 'confidentiality_signed'>;

/** The read-only wall display account of the demo. */
export const DEMO_DISPLAY_USER = 'tuong.hienthi';

/** One account per kind of user, so every screen and role boundary can be tried out of the box. */
const DEMO: Demo[] = [
  { username: 'cc.totruong', name: 'Tổ trưởng Trung tâm Chỉ huy', role: 'cc_lead' },
  { username: 'cc.dieuphoi', name: 'Nhóm Điều phối và Giao việc', role: 'cc_coordination' },
  {
    username: 'cc.giamsat',
    name: 'Nhóm Giám sát khối Chính phủ, địa phương',
    role: 'cc_monitoring',
    block: 'government_local',
  },
  {
    username: 'cc.giamsat.dang',
    name: 'Nhóm Giám sát khối Đảng, Quốc hội, MTTQ',
    role: 'cc_monitoring',
    block: 'party_na_front',
  },
  { username: 'cc.phantich', name: 'Nhóm Phân tích, tổng hợp và báo cáo', role: 'cc_analysis' },
  {
    username: 'cc.doanhnghiep',
    name: 'Nhóm Điều phối doanh nghiệp và hỗ trợ kỹ thuật',
    role: 'cc_vendor_coordination',
  },
  { username: 'cc.trithuc', name: 'Nhóm Quản trị tri thức và hậu cần', role: 'cc_knowledge' },
  {
    username: 'hanoi.lanhdao',
    name: 'Đầu mối lãnh đạo – Văn phòng Thành ủy Hà Nội',
    role: 'unit_focal',
    unit_code: '01',
    focal_kind: 'leadership',
  },
  {
    username: 'hanoi.kythuat',
    name: 'Đầu mối kỹ thuật – Hà Nội',
    role: 'unit_focal',
    unit_code: '01',
    focal_kind: 'technical',
  },
  {
    username: 'hcm.kythuat',
    name: 'Đầu mối kỹ thuật – TP. Hồ Chí Minh',
    role: 'unit_focal',
    unit_code: '79',
    focal_kind: 'technical',
  },
  {
    username: 'bca.kythuat',
    name: 'Đầu mối kỹ thuật – Bộ Công an',
    role: 'unit_focal',
    unit_code: 'BCA',
    focal_kind: 'technical',
  },
  { username: 'vnpt.daumoi', name: 'Đầu mối VNPT tại Trung tâm Chỉ huy', role: 'vendor_focal', vendor_code: 'VNPT' },
  {
    username: 'viettel.daumoi',
    name: 'Đầu mối Viettel tại Trung tâm Chỉ huy',
    role: 'vendor_focal',
    vendor_code: 'VIETTEL',
  },
  {
    username: 'vnpt.kythuat',
    name: 'Đầu mối kỹ thuật VNPT',
    role: 'vendor_focal',
    vendor_code: 'VNPT',
    focal_kind: 'technical',
  },
  { username: 'nhom3.truong', name: 'Trưởng Nhóm công tác 3', role: 'working_group', group: 'WG3', lead: true },
  { username: 'nhom3.thanhvien', name: 'Thành viên Nhóm công tác 3', role: 'working_group', group: 'WG3' },
  { username: DEMO_DISPLAY_USER, name: 'Màn hình tường giám sát', role: 'display' },
];

/** First start in demo mode: create the demo accounts and write their passwords to a 0600 file. */
export async function createDemoAccounts(accounts: AccountService, file: string): Promise<Record<string, string>> {
  const credentials: Record<string, string> = {};
  for (const d of DEMO) {
    const password = `${randomBytes(9).toString('base64url')}9a`;
    await accounts.create(SYSTEM_PRINCIPAL, { ...d, password, confidentiality_signed: true });
    credentials[d.username] = password;
  }
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}
