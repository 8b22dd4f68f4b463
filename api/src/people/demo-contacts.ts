import type { ContactInput } from '@kh02/schemas';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { ContactService } from './contacts.js';

/*
 * The demo's Phụ lục IX rows. The seed's table has every phone, hotline and
 * email blank, so these are made up and marked so: numbers in a 0000 block,
 * addresses under the reserved `.invalid` domain (RFC 2606), which the demo's
 * local mail sink accepts and no real server would.
 */
const mail = (user: string) => `${user}@kh02-demo.invalid`;

const DEMO: [string, ContactInput][] = [
  [
    'cc-giamsat-cp',
    {
      name: 'Nhóm Giám sát và điều phối khối các cơ quan của Chính phủ, chính quyền địa phương',
      team: 'Trung tâm Chỉ huy của Trung ương',
      role: 'cc_team',
      account_id: 'u-cc.giamsat',
      phone: '024 0000 0101',
      hotline: '1900 0000 01',
      email: mail('cc.giamsat'),
      scope: 'Tình hình triển khai tại các cơ quan thuộc khối Chính phủ và 34 tỉnh/thành phố',
    },
  ],
  [
    'cc-dieuphoi',
    {
      name: 'Nhóm Điều phối và Giao việc',
      team: 'Trung tâm Chỉ huy của Trung ương',
      role: 'cc_team',
      account_id: 'u-cc.dieuphoi',
      phone: '024 0000 0102',
      email: mail('cc.dieuphoi'),
      scope: 'Tiếp nhận, phân loại và giao phiếu xử lý',
    },
  ],
  [
    'cc-totruong',
    {
      name: 'Tổ trưởng Trung tâm Chỉ huy',
      team: 'Trung tâm Chỉ huy của Trung ương',
      role: 'leadership',
      account_id: 'u-cc.totruong',
      phone: '024 0000 0100',
      email: mail('cc.totruong'),
      zalo_phone: '84900000100',
      scope: 'Chỉ đạo, leo thang các vấn đề quá 24 giờ chưa phản hồi',
    },
  ],
  [
    'hanoi-lanhdao',
    {
      name: 'Đầu mối lãnh đạo – Văn phòng Thành ủy Hà Nội',
      unit_code: '01',
      role: 'leadership',
      account_id: 'u-hanoi.lanhdao',
      phone: '024 0000 0201',
      hotline: '1900 0000 02',
      email: mail('hanoi.lanhdao'),
      zalo_phone: '84900000201',
      scope: 'Đầu mối báo cáo của Thành phố Hà Nội',
    },
  ],
  [
    'hanoi-kythuat',
    {
      name: 'Đầu mối kỹ thuật – Hà Nội',
      unit_code: '01',
      role: 'technical',
      account_id: 'u-hanoi.kythuat',
      phone: '024 0000 0202',
      email: mail('hanoi.kythuat'),
      scope: 'Hệ thống giải quyết TTHC, cổng dịch vụ công của Hà Nội',
    },
  ],
  [
    'hcm-kythuat',
    {
      name: 'Đầu mối kỹ thuật – TP. Hồ Chí Minh',
      unit_code: '79',
      role: 'technical',
      account_id: 'u-hcm.kythuat',
      phone: '028 0000 0301',
      email: mail('hcm.kythuat'),
    },
  ],
  [
    'bca-kythuat',
    {
      name: 'Đầu mối kỹ thuật – Bộ Công an',
      unit_code: 'BCA',
      role: 'technical',
      account_id: 'u-bca.kythuat',
      phone: '024 0000 0401',
      email: mail('bca.kythuat'),
      scope: 'Văn phòng Bộ Công an',
    },
  ],
  [
    'vnpt-daumoi',
    {
      name: 'Đầu mối VNPT tại Trung tâm Chỉ huy',
      vendor_code: 'VNPT',
      role: 'vendor_senior',
      account_id: 'u-vnpt.daumoi',
      phone: '024 0000 0501',
      hotline: '1800 0000 05',
      email: mail('vnpt.daumoi'),
      zalo_phone: '84900000501',
      scope: 'Toàn bộ hệ thống VNPT triển khai cho các bộ, tỉnh',
    },
  ],
  ...(
    [
      ['PM', 'Quản trị dự án'],
      ['SysAdmin', 'Quản trị hệ thống'],
      ['Developer', 'Lập trình viên'],
      ['Onsite Supporter', 'Hỗ trợ tại chỗ'],
      ['QA', 'Kiểm thử chất lượng'],
    ] as const
  ).map(([role, label], i): [string, ContactInput] => [
    `vnpt-hanoi-${role.toLowerCase().replace(' ', '-')}`,
    {
      name: `${label} – Đội VNPT Hà Nội`,
      vendor_code: 'VNPT',
      serves_province: '01',
      team: 'Đội đối ứng VNPT tại Hà Nội',
      role,
      phone: `024 0000 06${String(i).padStart(2, '0')}`,
      email: mail(`vnpt.hanoi.${role.toLowerCase().replace(' ', '')}`),
      scope: 'iGate Hà Nội: vận hành, xử lý sự cố tại 126 xã, phường',
    },
  ]),
  [
    'nhom3-truong',
    {
      name: 'Trưởng Nhóm công tác 3',
      team: 'Nhóm 3: Dịch vụ công trực tuyến, dữ liệu',
      role: 'leadership',
      account_id: 'u-nhom3.truong',
      phone: '024 0000 0701',
      email: mail('nhom3.truong'),
    },
  ],
  [
    'nhom3-thanhvien',
    {
      name: 'Thành viên Nhóm công tác 3',
      team: 'Nhóm 3: Dịch vụ công trực tuyến, dữ liệu',
      role: 'technical',
      account_id: 'u-nhom3.thanhvien',
      phone: '024 0000 0702',
      email: mail('nhom3.thanhvien'),
    },
  ],
];

/** First start in demo mode: the directory rows of the demo accounts and one vendor counterpart team. */
export async function createDemoContacts(contacts: ContactService): Promise<void> {
  for (const [id, row] of DEMO) await contacts.put(SYSTEM_PRINCIPAL, id, row);
}
