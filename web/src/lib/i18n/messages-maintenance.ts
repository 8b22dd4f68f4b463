/* Words of the maintenance-window panel on a system's page (Vietnamese first). */
import type { Lang } from '@kh02/schemas';

export const MAINTENANCE_MESSAGES = {
  vi: {
    title: 'Bảo trì theo kế hoạch',
    intro:
      'Trong đợt bảo trì đã duyệt, tải, uptime, mất tín hiệu và báo cáo ngày của hệ thống không tô màu đơn vị; cảnh báo an ninh và sự cố vẫn tô màu.',
    none: 'Chưa có đợt bảo trì nào.',
    when: 'Thời gian',
    reason: 'Nội dung',
    state: 'Trạng thái',
    plannedBy: 'Người lập',
    actions: 'Thao tác',
    start: 'Bắt đầu (giờ Việt Nam)',
    end: 'Kết thúc (giờ Việt Nam)',
    plan: 'Gửi kế hoạch bảo trì',
    approve: 'Duyệt',
    reject: 'Từ chối',
    cancel: 'Hủy',
    note: 'Lý do (từ chối hoặc hủy)',
    noteNeeded: 'Hãy ghi lý do (ít nhất 5 ký tự).',
    planned: 'Đã gửi kế hoạch; chờ Trung tâm chỉ huy duyệt.',
    signIn: 'Đăng nhập để xem và lập kế hoạch bảo trì.',
  },
  en: {
    title: 'Planned maintenance',
    intro:
      'During an approved window the system’s load, uptime, silence and daily report do not colour its unit; security alerts and incidents still do.',
    none: 'No maintenance window yet.',
    when: 'When',
    reason: 'Work',
    state: 'State',
    plannedBy: 'Planned by',
    actions: 'Actions',
    start: 'Start (Vietnam time)',
    end: 'End (Vietnam time)',
    plan: 'Submit the maintenance plan',
    approve: 'Approve',
    reject: 'Reject',
    cancel: 'Cancel',
    note: 'Reason (for reject or cancel)',
    noteNeeded: 'Write a reason (at least 5 characters).',
    planned: 'Plan submitted; awaiting the Command Center’s approval.',
    signIn: 'Sign in to see and plan maintenance.',
  },
} satisfies Record<Lang, Record<string, string>>;
