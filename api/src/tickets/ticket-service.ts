import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import {
  bilingual,
  SUBJECTS,
  type CreateTicket,
  type Party,
  type Reason,
  type Ticket,
  type TicketKpi,
  type TicketSummary,
  type UnitStatus,
  type WorkflowEvent,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { type SlaPolicy, type WorkingCalendar } from '../calendar/index.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import type { EventLog } from '../event-log/event-log.js';
import { VersionConflictError } from '../event-log/event-log.js';
import type { CreatedTicket, StoredTicket } from './clocks.js';
import { nextStatus, type TicketAction } from '@kh02/schemas';
import { canCreate, canView, denial, represents } from '@kh02/schemas';
import { applyTicketEvent } from './projection.js';
import { defaultRouting } from './routing.js';
import { AppliedCommandKeys, commandDigest, idempotencyConflict } from './command-keys.js';
import {
  isActive,
  redRoutedKpi,
  ticketReasons,
  ticketSummary,
  toView,
  wallUnitOf,
  type RedEpisode,
} from './ticket-views.js';

export interface TicketServiceDeps {
  log: EventLog;
  registry: Registry;
  calendar: WorkingCalendar;
  policy: SlaPolicy;
  now: () => number;
  /** An account by id, to name the person a ticket is handed to (absent: persons cannot be named). */
  person?: (id: string) => Principal | undefined;
}

export interface ActionInput {
  action: TicketAction;
  data: Record<string, unknown>;
  /** The version the client last saw; a stale one is a 409. */
  expectedVersion?: number;
  idempotencyKey: string;
}

/** Derived from who asked and their Idempotency-Key, so a retried create finds the same ticket. */
const newTicketId = (now: number, principalId: string, idempotencyKey: string) =>
  `PGV-${new Date(now + 7 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}-${createHash('sha256')
    .update(`${principalId}\u0000${idempotencyKey}`)
    .digest('hex')
    .slice(0, 8)
    .toUpperCase()}`;

const EVENT_TYPES: Record<TicketAction, string> = {
  assign: 'assigned',
  assign_person: 'person_assigned',
  acknowledge: 'acknowledged',
  start: 'started',
  report_done: 'done_reported',
  close: 'closed',
  reopen: 'reopened',
  cancel: 'cancelled',
  comment: 'commented',
  attach: 'attachment_added',
};

/**
 * Phiếu giao việc as an event-sourced aggregate on the workflow log:
 * permissions and legal transitions checked here, optimistic concurrency on
 * the bus, every change an audit event. Also tells the status engine which
 * units tickets hold red/yellow and their SLA clocks.
 */
export class TicketService {
  private readonly tickets = new Map<string, StoredTicket>();
  private readonly appliedKeys = new AppliedCommandKeys();
  private readonly changeListeners = new Set<(t: StoredTicket) => void>();

  constructor(private readonly deps: TicketServiceDeps) {
    deps.log.on('ticket', (e, seq) => {
      this.appliedKeys.record(e.entity_id, e.data.idempotency_key, e.data.request_digest);
      const before = this.tickets.get(e.entity_id);
      const t = applyTicketEvent(this.tickets, e, seq);
      if (!t) return;
      // The projection returns the same object for an event it already applied (local apply + replica feed).
      if (t !== before) for (const fn of this.changeListeners) fn(t);
    });
  }

  /** Called once per applied change of any ticket; returns the unsubscribe. */
  onChange(fn: (t: StoredTicket) => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  get(p: Principal, id: string): Ticket {
    const t = this.tickets.get(id);
    if (!t) throw new DomainError('NOT_FOUND', 404, bilingual(`Không có phiếu ${id}.`, `No ticket ${id}.`));
    if (!canView(p, t, this.deps.registry))
      throw new DomainError(
        'FORBIDDEN',
        403,
        bilingual('Phiếu này không thuộc phạm vi của tài khoản.', 'This ticket is outside your account’s scope.'),
      );
    return toView(t, this.deps.calendar, this.deps.policy, this.deps.now(), this.deps.registry);
  }

  list(p: Principal, filter: { status?: string; unit?: string; active?: boolean }): Ticket[] {
    const now = this.deps.now();
    return [...this.tickets.values()]
      .filter((t) => canView(p, t, this.deps.registry))
      .filter((t) => !filter.status || t.status === filter.status)
      .filter((t) => !filter.unit || t.unit_code === filter.unit || wallUnitOf(t, this.deps.registry) === filter.unit)
      .filter((t) => filter.active === undefined || isActive(t) === filter.active)
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map((t) => toView(t, this.deps.calendar, this.deps.policy, now, this.deps.registry));
  }

  /** Every ticket as shown, with no account's scope applied: for aggregate KPIs behind their own role check. */
  allViews(now: number): Ticket[] {
    return [...this.tickets.values()].map((t) =>
      toView(t, this.deps.calendar, this.deps.policy, now, this.deps.registry),
    );
  }

  async create(
    p: Principal,
    input: CreateTicket,
    opts: { idempotencyKey: string; unitStatus?: { status: UnitStatus; reasons: Reason[] }; incidentId?: string },
  ): Promise<Ticket> {
    const { registry, now } = this.deps;
    if (!registry.kindOf(input.unit_code))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(`Không có đơn vị mã ${input.unit_code}.`, `No unit with code ${input.unit_code}.`),
      );
    if (input.system_id && !registry.system(input.system_id))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(`Không có hệ thống ${input.system_id}.`, `No system ${input.system_id}.`),
      );
    if (!canCreate(p, input.unit_code, registry))
      throw new DomainError(
        'FORBIDDEN',
        403,
        bilingual('Tài khoản không được tạo phiếu cho đơn vị này.', 'Your account may not open tickets for this unit.'),
      );
    const at = new Date(now()).toISOString();
    const id = newTicketId(now(), p.id, opts.idempotencyKey);
    const digest = commandDigest(p.id, 'create', input);
    if (this.appliedKeys.check(id, opts.idempotencyKey, digest) === 'replay') return this.view(id);
    const core = {
      issue_type: input.issue_type,
      unit_code: input.unit_code,
      system_id: input.system_id ?? null,
      topic: input.topic,
    };
    const routing = defaultRouting(registry, core);
    const unitStatus = opts.unitStatus;
    const ticket: CreatedTicket = {
      id,
      title: input.title,
      description: input.description,
      ...core,
      priority: input.priority,
      status: 'created',
      colour:
        unitStatus?.status === 'red' || unitStatus?.status === 'yellow'
          ? unitStatus.status
          : input.priority === 'P1' || input.priority === 'P2'
            ? 'red'
            : 'yellow',
      source: {
        kind: opts.incidentId ? 'incident' : input.source,
        unit_status: unitStatus?.status ?? null,
        reasons: unitStatus?.reasons ?? [],
        incident_id: opts.incidentId ?? null,
      },
      requirement: input.requirement ?? '',
      suggested_assignee: routing.assignee,
      suggested_collaborators: routing.collaborators,
      assignee: null,
      assignee_person: null,
      collaborators: [],
      detected_at: input.detected_at ? new Date(input.detected_at).toISOString() : at,
      created_at: at,
      created_by: p.id,
      assigned_at: null,
      acknowledged_at: null,
      started_at: null,
      last_response_at: null,
      done_at: null,
      closed_at: null,
      cancelled_at: null,
      deadline: input.deadline ? new Date(input.deadline).toISOString() : null,
      result_report: null,
      verification_note: null,
      comments: [],
      attachments: [],
    };
    const event = this.event(
      p,
      ticket,
      'created',
      null,
      { status: 'created' },
      { ticket, idempotency_key: opts.idempotencyKey, request_digest: digest },
      at,
    );
    await this.append(id, event, opts.idempotencyKey, 0, digest);
    return this.view(id);
  }

  async act(p: Principal, id: string, input: ActionInput): Promise<Ticket> {
    const t = this.tickets.get(id);
    if (!t) throw new DomainError('NOT_FOUND', 404, bilingual(`Không có phiếu ${id}.`, `No ticket ${id}.`));
    const digest = commandDigest(p.id, input.action, input.data);
    if (canView(p, t, this.deps.registry) && this.appliedKeys.check(id, input.idempotencyKey, digest) === 'replay')
      return this.view(id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== t.version) throw this.conflict();
    const why = denial(p, input.action, t, this.deps.registry);
    if (why) throw new DomainError('FORBIDDEN', 403, why);
    const next = nextStatus(t.status, input.action);
    if (!next.ok) throw new DomainError('INVALID_TRANSITION', 409, next.message);
    if (input.action === 'assign') this.checkAssignee(input.data.assignee as Party);
    const data = { ...input.data };
    if (typeof data.person_id === 'string') {
      const party = input.action === 'assign' ? (input.data.assignee as Party) : t.assignee;
      const person = this.checkPerson(data.person_id, party);
      delete data.person_id;
      data.person = { id: person.id, name: person.name };
    }
    const at = new Date(this.deps.now()).toISOString();
    const event = this.event(
      p,
      t,
      EVENT_TYPES[input.action],
      { status: t.status, assignee: t.assignee },
      { status: next.status, ...(input.action === 'assign' ? { assignee: input.data.assignee } : {}) },
      { ...data, idempotency_key: input.idempotencyKey, request_digest: digest },
      at,
    );
    await this.append(id, event, input.idempotencyKey, t.version, digest);
    return this.view(id);
  }

  /**
   * Records something the system observed on a ticket (the 24 h escalation): an audited ticket event,
   * shown in its history. `onceKey` makes it happen once however many replicas or ticks notice it.
   */
  async recordSystemEvent(id: string, type: string, data: Record<string, unknown>, onceKey: string): Promise<void> {
    const t = this.tickets.get(id);
    if (!t) return;
    const at = new Date(this.deps.now()).toISOString();
    const event = this.event(SYSTEM_PRINCIPAL, t, type, { status: t.status }, { status: t.status }, data, at);
    try {
      await this.deps.log.append(SUBJECTS.ticket(id), event, {
        msgId: `ticket:${id}:${onceKey}`,
        expectedVersion: t.version,
      });
    } catch (err) {
      // The ticket moved meanwhile: the next check sees the new state.
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }

  reasonsFor(unitCode: string): Reason[] {
    return ticketReasons(this.activeFor(unitCode));
  }

  summaryFor(unitCode: string, now: number): TicketSummary | null {
    return ticketSummary(
      this.activeFor(unitCode).map((t) => toView(t, this.deps.calendar, this.deps.policy, now, this.deps.registry)),
    );
  }

  kpi(now: number, windowDays = 30, episodes: RedEpisode[] = []): TicketKpi {
    return redRoutedKpi([...this.tickets.values()], now, windowDays, episodes, (t) =>
      wallUnitOf(t, this.deps.registry),
    );
  }

  private activeFor(unitCode: string): StoredTicket[] {
    return [...this.tickets.values()].filter((t) => isActive(t) && wallUnitOf(t, this.deps.registry) === unitCode);
  }

  private view(id: string): Ticket {
    const t = this.tickets.get(id);
    if (!t) throw new Error(`ticket ${id} missing after append`);
    return toView(t, this.deps.calendar, this.deps.policy, this.deps.now(), this.deps.registry);
  }

  private checkAssignee(party: Party): void {
    const { registry } = this.deps;
    const known =
      party.kind === 'vendor'
        ? !!registry.vendor(party.code)
        : party.kind === 'unit'
          ? !!registry.kindOf(party.code)
          : true;
    if (!known)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(
          `Đơn vị được giao ${party.code} không có trong danh sách.`,
          `Assignee ${party.code} is not in the preconfigured list.`,
        ),
      );
  }

  /** The person must be an active account that belongs to the party the ticket is routed to. */
  private checkPerson(personId: string, party: Party | null): Principal {
    const person = this.deps.person?.(personId);
    if (!person || !represents(person, party))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(
          `Người được giao ${personId} không phải thành viên của đơn vị/nhóm được giao phiếu.`,
          `Person ${personId} is not a member of the party the ticket is routed to.`,
        ),
      );
    return person;
  }

  private conflict(): DomainError {
    return new DomainError(
      'CONFLICT',
      409,
      bilingual(
        'Phiếu vừa được người khác cập nhật; hãy tải lại rồi thử lại.',
        'Someone else just updated this ticket; reload and try again.',
      ),
    );
  }

  private event(
    p: Principal,
    t: Pick<StoredTicket, 'id' | 'unit_code' | 'issue_type' | 'priority'>,
    type: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    data: Record<string, unknown>,
    at: string,
  ): WorkflowEvent {
    return {
      v: 1,
      event_id: randomUUID(),
      entity: 'ticket',
      entity_id: t.id,
      type,
      at,
      actor: { id: p.id, role: p.role, name: p.name },
      unit_code: t.unit_code,
      issue_type: t.issue_type,
      priority: t.priority,
      before,
      after,
      data,
    };
  }

  private async append(
    id: string,
    event: WorkflowEvent,
    idempotencyKey: string,
    expectedVersion: number,
    digest: string,
  ): Promise<void> {
    try {
      const ack = await this.deps.log.append(SUBJECTS.ticket(id), event, {
        msgId: `ticket:${id}:${idempotencyKey}`,
        expectedVersion,
        digest,
      });
      // A concurrent request under the same key got there first with another command.
      if (ack.duplicate && ack.originalDigest !== undefined && ack.originalDigest !== digest)
        throw idempotencyConflict();
    } catch (err) {
      if (err instanceof VersionConflictError) throw this.conflict();
      throw err;
    }
  }
}
