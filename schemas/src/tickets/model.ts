import { z } from 'zod';
import { BilingualTextSchema } from '../i18n.js';
import { boundedText, multilineText } from '../ingest/primitives.js';
import { ReasonSchema, UnitStatusSchema } from '../status/status.js';

/** Phiếu giao việc lifecycle (seed-digest §5.4), plus cancellation of a duplicate or invalid ticket. */
export const TICKET_STATUSES = [
  'created',
  'assigned',
  'acknowledged',
  'in_progress',
  'done',
  'closed',
  'cancelled',
] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TICKET_STATUS_LABELS: Record<TicketStatus, { vi: string; en: string }> = {
  created: { vi: 'Mới tạo', en: 'Created' },
  assigned: { vi: 'Đã giao', en: 'Assigned' },
  acknowledged: { vi: 'Đã tiếp nhận', en: 'Acknowledged' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Loại 1–4: technical, business/process, institutional/policy, resources (seed 000 L597-617). */
export const IssueTypeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type IssueType = z.infer<typeof IssueTypeSchema>;
export const ISSUE_TYPE_LABELS: Record<IssueType, { vi: string; en: string }> = {
  1: { vi: 'Loại 1 – Kỹ thuật hệ thống', en: 'Type 1 – technical' },
  2: { vi: 'Loại 2 – Nghiệp vụ, quy trình', en: 'Type 2 – business process' },
  3: { vi: 'Loại 3 – Thể chế, chính sách', en: 'Type 3 – institutional' },
  4: { vi: 'Loại 4 – Nguồn lực', en: 'Type 4 – resources' },
};

export const PrioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type TicketPriority = z.infer<typeof PrioritySchema>;

/** Which central working group a type 2/3/4 issue belongs to (seed §1.4: groups 1–6). */
export const TopicSchema = z.enum([
  'general',
  'infrastructure',
  'online_services',
  'security',
  'party_dx',
  'communications',
]);
export type Topic = z.infer<typeof TopicSchema>;

export const WORKING_GROUPS = ['WG1', 'WG2', 'WG3', 'WG4', 'WG5', 'WG6'] as const;
export const WorkingGroupSchema = z.enum(WORKING_GROUPS);
export type WorkingGroup = z.infer<typeof WorkingGroupSchema>;
export const WORKING_GROUP_NAMES: Record<WorkingGroup, { vi: string; en: string }> = {
  WG1: { vi: 'Nhóm 1: Giám sát, đôn đốc thực hiện nhiệm vụ', en: 'Group 1: monitoring and urging' },
  WG2: { vi: 'Nhóm 2: Hạ tầng kỹ thuật, hội nghị truyền hình', en: 'Group 2: infrastructure and video conferencing' },
  WG3: { vi: 'Nhóm 3: Dịch vụ công trực tuyến, dữ liệu', en: 'Group 3: online public services and data' },
  WG4: { vi: 'Nhóm 4: An toàn thông tin, bảo mật dữ liệu', en: 'Group 4: information security' },
  WG5: { vi: 'Nhóm 5: Chuyển đổi số trong các cơ quan Đảng', en: 'Group 5: DX in Party agencies' },
  WG6: { vi: 'Nhóm 6: Truyền thông', en: 'Group 6: communications' },
};

/** Who a ticket is routed to, chosen from the preconfigured list (seed 000 L610, L711-712). */
export const PartySchema = z.discriminatedUnion('kind', [
  /** The IT enterprise's focal point (Type 1). */
  z.strictObject({ kind: z.literal('vendor'), code: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/) }),
  /** The province's (Văn phòng Tỉnh ủy) or ministry's focal point. */
  z.strictObject({ kind: z.literal('unit'), code: z.string().regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/) }),
  z.strictObject({ kind: z.literal('working_group'), code: WorkingGroupSchema }),
]);
export type Party = z.infer<typeof PartySchema>;

export const AttachmentMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  content_type: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  added_at: z.string(),
  added_by: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMetaSchema>;

export const CommentSchema = z.object({ at: z.string(), by: z.string(), by_name: z.string(), text: z.string() });

/** One SLA clock as shown to people: when it ends and how it stands now. */
export const ClockViewSchema = z.object({
  kind: z.enum(['verify', 'assign', 'respond', 'acknowledge', 'fix', 'escalate']),
  label: BilingualTextSchema,
  started_at: z.string(),
  deadline: z.string(),
  stopped_at: z.string().nullable(),
  remaining_ms: z.number(),
  state: z.enum(['running', 'near_breach', 'breached', 'met', 'missed']),
  budget: z.object({ kind: z.enum(['wall', 'working']), ms: z.number() }),
});
export type ClockView = z.infer<typeof ClockViewSchema>;

/** One step of a ticket's life: what happened, when, and who did it (shown on the ticket, not only in the audit log). */
export const TicketStepSchema = z.object({
  at: z.string(),
  type: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  /** The ticket's status after the step. */
  status: TicketStatusSchema,
  /**
   * What was written in the step (comment, result report, verification note, reopen or cancel reason,
   * file name). Kept per step: the ticket's own fields hold only the latest result and note.
   */
  note: z.string().nullable(),
  /** Who an `assigned` step routed the ticket to; null for other steps. */
  assignee: PartySchema.nullable(),
});
export type TicketStep = z.infer<typeof TicketStepSchema>;

export const TicketSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  unit_code: z.string(),
  system_id: z.string().nullable(),
  /** The system's names from the registry, when it is known. */
  system_name: z.string().nullable(),
  system_name_en: z.string().nullable(),
  issue_type: IssueTypeSchema,
  topic: TopicSchema,
  priority: PrioritySchema,
  status: TicketStatusSchema,
  /** The colour the ticket holds its unit at until it is verified and closed (seed 000 L651-654). */
  colour: z.enum(['red', 'yellow']),
  source: z.object({
    kind: z.enum(['wall', 'manual', 'incident', 'focal_proposal']),
    unit_status: UnitStatusSchema.nullable(),
    reasons: z.array(ReasonSchema),
    incident_id: z.string().nullable(),
  }),
  requirement: z.string(),
  suggested_assignee: PartySchema.nullable(),
  suggested_collaborators: z.array(PartySchema),
  assignee: PartySchema.nullable(),
  /** The person inside the assignee party who handles it (a working-group member, a focal point), once named. */
  assignee_person: z.object({ id: z.string(), name: z.string() }).nullable(),
  collaborators: z.array(PartySchema),
  detected_at: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  created_by_name: z.string(),
  assigned_at: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
  started_at: z.string().nullable(),
  last_response_at: z.string().nullable(),
  done_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  /** Agreed fix deadline (P4 "by agreement", or an explicit one). */
  deadline: z.string().nullable(),
  result_report: z.string().nullable(),
  verification_note: z.string().nullable(),
  comments: z.array(CommentSchema),
  attachments: z.array(AttachmentMetaSchema),
  history: z.array(TicketStepSchema),
  clocks: z.array(ClockViewSchema),
  escalated: z.boolean(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * Pushed on the socket to the people who may see the ticket, whenever it changes. It names the change only;
 * the page fetches the ticket itself, so the REST scope checks stay the one gate on its contents.
 */
export const TicketChangedSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  unit_code: z.string(),
  status: TicketStatusSchema,
});
export type TicketChanged = z.infer<typeof TicketChangedSchema>;

export const TicketKpiSchema = z.object({
  window_days: z.number().int(),
  /** Red tickets judged, plus wall units red for 24 h that nobody opened a ticket for. */
  red_issues: z.number().int(),
  /** Of red_issues: units red for ≥ 24 h with no ticket at all (never routed). */
  red_without_ticket: z.number().int(),
  routed_within_24h: z.number().int(),
  ratio: z.number().nullable(),
  target: z.number(),
  meets_target: z.boolean().nullable(),
});
export type TicketKpi = z.infer<typeof TicketKpiSchema>;

const text = (max: number) => boundedText(max);

/** Request bodies of the ticket endpoints. */
export const CreateTicketSchema = z.strictObject({
  title: text(200),
  description: multilineText(5_000),
  unit_code: z.string().regex(/^(\d{2}|\d{5}|[A-Z][A-Z0-9]{1,11})$/),
  system_id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,63}$/)
    .optional(),
  issue_type: IssueTypeSchema,
  priority: PrioritySchema,
  topic: TopicSchema.default('general'),
  requirement: multilineText(2_000).optional(),
  detected_at: z.iso.datetime({ offset: true }).optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
  source: z.enum(['wall', 'manual', 'focal_proposal']).default('manual'),
});
export type CreateTicket = z.infer<typeof CreateTicketSchema>;

export const AssignTicketSchema = z.strictObject({
  assignee: PartySchema,
  /** Optionally the person (an account of that party) who handles it. */
  person_id: z.string().min(1).max(64).optional(),
  collaborators: z.array(PartySchema).max(10).default([]),
  deadline: z.iso.datetime({ offset: true }).optional(),
});
/** `assign_person`: the lead of the assignee party hands the ticket to one of its members. */
export const AssignPersonSchema = z.strictObject({ person_id: z.string().min(1).max(64) });
/** The body of an action that carries one piece of free text (a result report, a reason, a comment). */
export const TextBodySchema = (field: string, max: number, min = 1) =>
  z.strictObject({ [field]: multilineText(max, min) });
export const AttachmentUploadSchema = z.strictObject({
  name: text(200),
  content_type: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i)
    .max(100),
  /** Base64 of the file; the server enforces the size limit on the decoded bytes. */
  content_base64: z.string().max(3_000_000),
});

/** Roles (seed §1.3–1.8, requirement 9): Command Center teams, working groups, focal points, vendors, the wall display. */
export const ROLES = [
  'cc_lead',
  'cc_coordination',
  'cc_monitoring',
  'cc_analysis',
  'cc_vendor_coordination',
  'cc_knowledge',
  'working_group',
  'unit_focal',
  'vendor_focal',
  'display',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Every workflow event on the bus: also one row of the append-only audit log. */
export const WorkflowEventSchema = z.object({
  v: z.literal(1),
  event_id: z.string(),
  entity: z.enum(['ticket', 'account', 'config', 'export', 'maintenance', 'task', 'contact', 'notification', 'roster']),
  entity_id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), role: z.string(), name: z.string() }),
  unit_code: z.string(),
  issue_type: z.number().int().min(0).max(4),
  priority: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;
