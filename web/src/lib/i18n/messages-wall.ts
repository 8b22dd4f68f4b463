/* Words of the wall room itself: short reasons on tiles, who holds a ticket, the change list. */
import type { Indicator, TicketStatus } from '@kh02/schemas';
import type { Lang } from '@kh02/schemas';

/** A few words per indicator, for a tile's reason line ("CPU 97,9 %"). */
const SHORT_VI: Record<Indicator, string> = {
  online_rate: 'Trực tuyến',
  on_time_rate: 'Đúng hạn',
  volume_vs_yesterday: 'Hồ sơ so hôm qua',
  uptime: 'Uptime',
  cpu: 'CPU',
  ram: 'RAM',
  response_time: 'Phản hồi',
  shr_missing: 'Thiếu báo cáo 08:00',
  security_alert: 'Cảnh báo an ninh',
  performance_alert: 'Cảnh báo hiệu năng',
  no_data: 'Mất dữ liệu',
  communes_red: 'Xã đỏ',
  communes_noreport: 'Xã chưa báo cáo',
  system_status: 'Hệ thống',
  open_ticket: 'Phiếu đang mở',
  vendor_incident: 'Sự cố doanh nghiệp báo',
  incident_reporting: 'Nợ báo cáo sự cố',
  pipeline_lag: 'Dữ liệu về chậm',
};
const SHORT_EN: Record<Indicator, string> = {
  online_rate: 'Online',
  on_time_rate: 'On time',
  volume_vs_yesterday: 'Dossiers vs yesterday',
  uptime: 'Uptime',
  cpu: 'CPU',
  ram: 'RAM',
  response_time: 'Response',
  shr_missing: '08:00 report missing',
  security_alert: 'Security alert',
  performance_alert: 'Performance alert',
  no_data: 'No data',
  communes_red: 'Red communes',
  communes_noreport: 'Silent communes',
  system_status: 'System',
  open_ticket: 'Open ticket',
  vendor_incident: 'Vendor incident',
  incident_reporting: 'Incident report due',
  pipeline_lag: 'Feed late',
};

const HANDLING_VI: Record<TicketStatus, string> = {
  created: 'Chưa giao',
  assigned: 'Đã giao, chờ tiếp nhận',
  acknowledged: 'Đã tiếp nhận',
  in_progress: 'Đang xử lý',
  done: 'Chờ xác minh',
  closed: 'Đã đóng',
  cancelled: 'Đã hủy',
};
const HANDLING_EN: Record<TicketStatus, string> = {
  created: 'Not assigned',
  assigned: 'Assigned, not acknowledged',
  acknowledged: 'Acknowledged',
  in_progress: 'Being handled',
  done: 'Awaiting verification',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const WALL_MESSAGES = {
  vi: {
    short: SHORT_VI,
    handling: HANDLING_VI,
    noDataSince: (hm: string) => `Mất dữ liệu từ ${hm}`,
    neverData: 'Chưa từng có dữ liệu',
    moreReasons: (n: number) => `+${n} lý do`,
    heldByTicket: (p: string) => `Giữ màu theo phiếu ${p}`,
    changes: 'Mới chuyển trạng thái',
    noChanges: 'Chưa có thay đổi nào trong 24 giờ qua.',
    changeSpoken: (from: string, to: string) => `từ ${from} sang ${to}:`,
    forDuration: (d: string) => `đã ${d}`,
    maintenance: (until: string) => `Bảo trì đến ${until}`,
    focalPoint: 'Đầu mối',
    group: (n: string) => `Nhóm ${n}`,
    ticketLabel: (p: string) => `Phiếu ${p}:`,
  },
  en: {
    short: SHORT_EN,
    handling: HANDLING_EN,
    noDataSince: (hm: string) => `No data since ${hm}`,
    neverData: 'Never reported',
    moreReasons: (n: number) => `+${n} more`,
    heldByTicket: (p: string) => `Held by ticket ${p}`,
    changes: 'Just changed',
    noChanges: 'No change in the last 24 hours.',
    changeSpoken: (from: string, to: string) => `from ${from} to ${to}:`,
    forDuration: (d: string) => `for ${d}`,
    maintenance: (until: string) => `Maintenance until ${until}`,
    focalPoint: 'Focal point',
    group: (n: string) => `Group ${n}`,
    ticketLabel: (p: string) => `Ticket ${p}:`,
  },
} satisfies Record<Lang, unknown>;
