/* Valid ticket, clock, KPI and principal objects for unit tests (not used by the app). */
import type { ClockView, Principal, Ticket, TicketKpi } from '@kh02/schemas';

export function clockView(over: Partial<ClockView> = {}): ClockView {
  return {
    kind: 'fix',
    label: { vi: 'Khắc phục', en: 'Fix' },
    started_at: '2026-11-23T09:00:00Z',
    deadline: '2026-11-23T11:03:09Z',
    stopped_at: null,
    remaining_ms: 3_909_000,
    state: 'running',
    budget: { kind: 'wall', ms: 7_200_000 },
    ...over,
  };
}

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 'PGV-20261123-ABCDEF12',
    version: 3,
    title: 'Hà Nội: Trạng thái hệ thống',
    description: 'Mô tả',
    unit_code: '01',
    system_id: null,
    system_name: null,
    system_name_en: null,
    issue_type: 2,
    topic: 'general',
    priority: 'P2',
    status: 'created',
    colour: 'red',
    source: { kind: 'wall', unit_status: 'red', reasons: [], incident_id: null },
    requirement: '',
    suggested_assignee: { kind: 'unit', code: '01' },
    suggested_collaborators: [{ kind: 'working_group', code: 'WG1' }],
    assignee: null,
    assignee_person: null,
    collaborators: [],
    detected_at: '2026-11-23T09:00:00Z',
    created_at: '2026-11-23T09:00:00Z',
    created_by: 'u-cc.giamsat',
    created_by_name: 'Nhóm Giám sát',
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
    history: [
      {
        at: '2026-11-23T09:00:00Z',
        type: 'created',
        actor: { id: 'u-cc.giamsat', name: 'Nhóm Giám sát', role: 'cc_monitoring' },
        status: 'created',
        note: null,
        assignee: null,
      },
    ],
    clocks: [clockView()],
    escalated: false,
    ...over,
  };
}

export function kpi(over: Partial<TicketKpi> = {}): TicketKpi {
  return {
    window_days: 30,
    red_issues: 40,
    red_without_ticket: 0,
    routed_within_24h: 37,
    ratio: 0.925,
    target: 0.95,
    meets_target: false,
    ...over,
  };
}

export function principal(over: Partial<Principal> = {}): Principal {
  return { id: 'u-cc.giamsat', username: 'cc.giamsat', name: 'Nhóm Giám sát', role: 'cc_monitoring', ...over };
}
