import { readFileSync } from 'node:fs';
import type { Party } from '@kh02/schemas';
import { loadWorkingCalendar } from '../../src/calendar/index.js';
import type { Principal } from '../../src/auth/principal.js';
import type { StoredTicket } from '../../src/tickets/clocks.js';

export const calendar = loadWorkingCalendar(
  JSON.parse(readFileSync(new URL('../../../config/working-calendar.json', import.meta.url), 'utf8')) as unknown,
);

/** Local Vietnam time → ISO instant (UTC+7, no DST). */
export const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

export const people = {
  lead: { id: 'u-lead', username: 'lead', name: 'Tổ trưởng', role: 'cc_lead' },
  coordinator: { id: 'u-coord', username: 'coord', name: 'Điều phối', role: 'cc_coordination' },
  monitor: { id: 'u-mon', username: 'mon', name: 'Giám sát', role: 'cc_monitoring', block: 'government_local' },
  analyst: { id: 'u-ana', username: 'ana', name: 'Phân tích', role: 'cc_analysis' },
  hanoiFocal: {
    id: 'u-hn',
    username: 'hn',
    name: 'Đầu mối Hà Nội',
    role: 'unit_focal',
    unitCode: '01',
    focalKind: 'technical',
  },
  hcmFocal: {
    id: 'u-hcm',
    username: 'hcm',
    name: 'Đầu mối TP.HCM',
    role: 'unit_focal',
    unitCode: '79',
    focalKind: 'technical',
  },
  vnpt: { id: 'u-vnpt', username: 'vnpt', name: 'Đầu mối VNPT', role: 'vendor_focal', vendorCode: 'VNPT' },
  viettel: { id: 'u-vt', username: 'vt', name: 'Đầu mối Viettel', role: 'vendor_focal', vendorCode: 'VIETTEL' },
  wg3Lead: { id: 'u-wg3', username: 'wg3', name: 'Trưởng nhóm 3', role: 'working_group', group: 'WG3', lead: true },
  wg3Member: { id: 'u-wg3m', username: 'wg3m', name: 'Thành viên nhóm 3', role: 'working_group', group: 'WG3' },
  display: { id: 'u-disp', username: 'disp', name: 'Màn hình', role: 'display' },
} satisfies Record<string, Principal>;

export function storedTicket(overrides: Partial<StoredTicket> = {}): StoredTicket {
  const created = overrides.created_at ?? vn('2026-11-23T09:00:00');
  return {
    id: 'PGV-TEST',
    version: 1,
    title: 'Không đăng nhập được iGate',
    description: 'Gateway Timeout',
    unit_code: '01',
    system_id: 'p01.tthc',
    issue_type: 1,
    topic: 'general',
    priority: 'P1',
    status: 'created',
    colour: 'red',
    source: { kind: 'wall', unit_status: 'red', reasons: [], incident_id: null },
    requirement: '',
    suggested_assignee: null,
    suggested_collaborators: [],
    assignee: null,
    assignee_person: null,
    collaborators: [],
    detected_at: created,
    created_at: created,
    created_by: 'u-mon',
    created_by_name: 'Giám sát',
    assigned_at: null,
    acknowledged_at: null,
    started_at: null,
    last_response_at: null,
    done_at: null,
    closed_at: null,
    cancelled_at: null,
    deadline: null,
    result_report: null,
    verification_note: null,
    comments: [],
    attachments: [],
    history: [],
    ...overrides,
  };
}

export const vendor = (code: string): Party => ({ kind: 'vendor', code });
export const unit = (code: string): Party => ({ kind: 'unit', code });
