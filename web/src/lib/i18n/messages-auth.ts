/* Strings of sign-in and the account roles (vi first; en typed against it). */
import type { Role } from '@kh02/schemas';

const vi = {
  auth: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập bằng tài khoản cá nhân được cấp để mở và xử lý phiếu giao việc.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    required: 'Nhập tên đăng nhập và mật khẩu.',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    signedInAs: (name: string) => `Đang đăng nhập: ${name}`,
    ended: 'Phiên đăng nhập đã hết hạn — hãy đăng nhập lại.',
    needed: 'Cần đăng nhập để xem phiếu giao việc.',
    tabNote: 'Phiên đăng nhập chỉ dùng cho thẻ trình duyệt này và thay cho mã hiển thị của màn hình tường.',
    displayRole: 'Tài khoản màn hình tường chỉ xem tường, không xem phiếu giao việc.',
    signInToCreate: 'Đăng nhập để mở phiếu giao việc',
  },
  roles: {
    cc_lead: 'Tổ trưởng Trung tâm Chỉ huy',
    cc_coordination: 'Nhóm Điều phối và Giao việc',
    cc_monitoring: 'Nhóm Giám sát',
    cc_analysis: 'Nhóm Phân tích, Tổng hợp',
    cc_vendor_coordination: 'Nhóm Điều phối doanh nghiệp',
    cc_knowledge: 'Nhóm Quản lý tri thức',
    working_group: 'Nhóm công tác',
    unit_focal: 'Đầu mối đơn vị',
    vendor_focal: 'Đầu mối doanh nghiệp',
    display: 'Màn hình tường (chỉ xem)',
  } satisfies Record<Role, string>,
};

export type AuthMessages = typeof vi;

const en: AuthMessages = {
  auth: {
    title: 'Sign in',
    intro: 'Sign in with your personal account to open and work on tickets.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    required: 'Enter your username and password.',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: (name) => `Signed in: ${name}`,
    ended: 'Your session has ended — please sign in again.',
    needed: 'Sign in to see work tickets.',
    tabNote: "The sign-in applies to this browser tab only and replaces the wall's display token there.",
    displayRole: 'The wall display account sees the wall only, not work tickets.',
    signInToCreate: 'Sign in to open a work ticket',
  },
  roles: {
    cc_lead: 'Command Center team lead',
    cc_coordination: 'Coordination & Assignment',
    cc_monitoring: 'Monitoring',
    cc_analysis: 'Analysis & Reporting',
    cc_vendor_coordination: 'Vendor coordination',
    cc_knowledge: 'Knowledge management',
    working_group: 'Working group',
    unit_focal: 'Unit focal point',
    vendor_focal: 'Vendor focal point',
    display: 'Wall display (read-only)',
  },
};

export const AUTH_MESSAGES: Record<'vi' | 'en', AuthMessages> = { vi, en };
