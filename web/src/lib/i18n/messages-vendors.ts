/*
 * Strings of the vendor accountability page (/vendors) and the wall's
 * coverage chip (vi first; en typed against it).
 */
const vi = {
  coverage: {
    label: 'Đơn vị được giám sát',
    target: 'Mục tiêu 100 % bộ, ngành, địa phương được giám sát.',
    missing: (n: number) => `${n} đơn vị chưa có nguồn dữ liệu nào đang gửi.`,
  },
  vendors: {
    title: 'Trách nhiệm của doanh nghiệp CNTT',
    intro:
      'Mỗi doanh nghiệp: hệ thống đang vận hành, hệ thống đang màu đỏ, phiếu giao việc được giao, thời gian tiếp nhận và khắc phục trung bình, báo cáo trạng thái hệ thống hằng ngày nộp đúng hạn.',
    window: 'Khoảng thời gian',
    windowOption: (d: number) => (d === 1 ? 'Hôm qua' : `${d} ngày gần nhất`),
    period: (from: string, to: string, due: string) => `Báo cáo ngày ${from}–${to}, hạn nộp ${due} sáng hôm sau.`,
    refresh: 'Làm mới',
    signIn: 'Đăng nhập để xem',
    needed: 'Cần đăng nhập bằng tài khoản của Trung tâm Chỉ huy hoặc tổ công tác để xem.',
    col: {
      vendor: 'Doanh nghiệp',
      systems: 'Hệ thống',
      redNow: 'Đỏ hiện tại',
      tickets: 'Phiếu giao việc',
      breached: 'Quá hạn SLA',
      mtta: 'Tiếp nhận TB (MTTA)',
      mttr: 'Khắc phục TB (MTTR)',
      reports: 'Báo cáo ngày đúng hạn',
    },
    systemsDetail: (noreport: string) => `${noreport} không gửi dữ liệu`,
    ticketsDetail: (open: string) => `${open} đang xử lý`,
    reportsDetail: (onTime: string, expected: string, late: string, missing: string) =>
      `${onTime}/${expected} đúng hạn · ${late} muộn · ${missing} thiếu`,
    none: '—',
    caption: 'Trách nhiệm theo doanh nghiệp, đơn vị nhiều hệ thống đỏ và phiếu quá hạn xếp trước',
  },
};

export type VendorMessages = typeof vi;

const en: VendorMessages = {
  coverage: {
    label: 'Units monitored',
    target: 'Target: 100 % of ministries, sectors and localities monitored.',
    missing: (n) => `${n} units have no source reporting.`,
  },
  vendors: {
    title: 'IT vendor accountability',
    intro:
      'Per vendor: systems operated, systems red now, work tickets routed to it, mean time to acknowledge and to resolve, daily health reports delivered on time.',
    window: 'Period',
    windowOption: (d) => (d === 1 ? 'Yesterday' : `Last ${d} days`),
    period: (from, to, due) => `Daily reports ${from}–${to}, due ${due} the next morning.`,
    refresh: 'Refresh',
    signIn: 'Sign in to view',
    needed: 'Sign in with a Command Center or working-group account to view this.',
    col: {
      vendor: 'Vendor',
      systems: 'Systems',
      redNow: 'Red now',
      tickets: 'Work tickets',
      breached: 'SLA breached',
      mtta: 'Mean time to acknowledge',
      mttr: 'Mean time to resolve',
      reports: 'Daily reports on time',
    },
    systemsDetail: (noreport) => `${noreport} not reporting`,
    ticketsDetail: (open) => `${open} in hand`,
    reportsDetail: (onTime, expected, late, missing) =>
      `${onTime}/${expected} on time · ${late} late · ${missing} missing`,
    none: '—',
    caption: 'Accountability by vendor, most red systems and breached tickets first',
  },
};

export const VENDOR_MESSAGES: Record<'vi' | 'en', VendorMessages> = { vi, en };
