/*
 * Strings of one ticket's page: its facts and its history (vi first; en typed
 * against it). Step keys are the api's event types (TicketStep.type).
 */
const vi = {
  detail: {
    back: '← Danh sách phiếu',
    facts: 'Thông tin phiếu',
    issueType: 'Loại vấn đề',
    topic: 'Lĩnh vực',
    colour: 'Giữ màu đơn vị',
    source: 'Nguồn',
    sources: {
      wall: 'Từ tường điều hành',
      manual: 'Nhập tay',
      incident: 'Từ sự cố doanh nghiệp báo cáo',
      focal_proposal: 'Đầu mối đề xuất',
    },
    statusAtOpen: (s: string) => `màu lúc mở: ${s}`,
    detected: 'Phát hiện lúc',
    created: 'Tạo lúc',
    createdBy: 'Người tạo',
    assignee: 'Được giao',
    collaborators: 'Đơn vị phối hợp',
    suggested: 'Phân luồng đề xuất',
    suggestedNote: 'Theo loại vấn đề; Trung tâm xác nhận hoặc thay đổi khi giao.',
    deadline: 'Hạn khắc phục thỏa thuận',
    requirement: 'Yêu cầu',
    description: 'Mô tả',
    result: 'Kết quả xử lý',
    verification: 'Ghi chú xác minh',
    reasonsAtOpen: 'Nguyên nhân lúc mở phiếu',
  },
  timeline: 'Diễn biến',
  steps: {
    created: 'Tạo phiếu',
    assigned: 'Giao việc',
    acknowledged: 'Xác nhận đã tiếp nhận',
    started: 'Bắt đầu xử lý',
    done_reported: 'Báo cáo hoàn thành',
    closed: 'Xác minh và đóng phiếu',
    reopened: 'Mở lại phiếu',
    cancelled: 'Hủy phiếu',
    commented: 'Ý kiến',
    attachment_added: 'Đính kèm tệp',
  },
  statusAfter: 'Trạng thái sau bước này',
};

export type TicketDetailMessages = typeof vi;

const en: TicketDetailMessages = {
  detail: {
    back: '← Ticket list',
    facts: 'Ticket',
    issueType: 'Issue type',
    topic: 'Topic',
    colour: 'Holds the unit at',
    source: 'Source',
    sources: {
      wall: 'From the wall',
      manual: 'Entered by hand',
      incident: 'From a vendor-reported incident',
      focal_proposal: 'Proposed by a focal point',
    },
    statusAtOpen: (s: string) => `colour when opened: ${s}`,
    detected: 'Detected',
    created: 'Created',
    createdBy: 'Created by',
    assignee: 'Assignee',
    collaborators: 'Collaborators',
    suggested: 'Suggested routing',
    suggestedNote: 'By issue type; the Center confirms or changes it when assigning.',
    deadline: 'Agreed fix deadline',
    requirement: 'Requirement',
    description: 'Description',
    result: 'Result',
    verification: 'Verification note',
    reasonsAtOpen: 'Causes when opened',
  },
  timeline: 'History',
  steps: {
    created: 'Opened',
    assigned: 'Assigned',
    acknowledged: 'Receipt acknowledged',
    started: 'Work started',
    done_reported: 'Reported done',
    closed: 'Verified and closed',
    reopened: 'Reopened',
    cancelled: 'Cancelled',
    commented: 'Comment',
    attachment_added: 'File attached',
  },
  statusAfter: 'Status after this step',
};

export const TICKET_DETAIL_MESSAGES: Record<'vi' | 'en', TicketDetailMessages> = { vi, en };
