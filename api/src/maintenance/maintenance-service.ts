import { createHash, randomUUID } from 'node:crypto';
import {
  bilingual,
  MAINTENANCE_STATE_LABELS,
  SUBJECTS,
  type BilingualText,
  type MaintenanceState,
  type MaintenanceWindow,
  type PlanMaintenance,
  type WorkflowEvent,
} from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import { DomainError } from '@kh02/platform';
import type { Principal } from '../auth/principal.js';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';
import { MaintenanceBook } from './maintenance-book.js';

/** Who decides on a window: the Command Center's lead and its vendor-coordination team. */
const DECIDERS = new Set(['cc_lead', 'cc_vendor_coordination']);
/** Who may plan for any vendor (on a vendor's behalf, e.g. after a phone call). */
const CC_PLANNERS = new Set(['cc_lead', 'cc_vendor_coordination', 'cc_monitoring']);

const forbidden = (message: BilingualText) => new DomainError('FORBIDDEN', 403, message);

/**
 * Plans and decisions on maintenance windows, on the workflow event log
 * (entity 'maintenance'), so every replica and the audit log see them. A
 * vendor plans for its own systems; the Command Center approves or rejects;
 * the planner or the Command Center may cancel before the window ends.
 */
export class MaintenanceService {
  readonly book = new MaintenanceBook();
  private readonly listeners: ((w: MaintenanceWindow) => void)[] = [];

  constructor(private readonly deps: { log: EventLog; registry: Registry; now: () => number }) {
    deps.log.on('maintenance', (e, seq) => {
      const w = this.book.apply(e, seq);
      if (w) for (const l of this.listeners) l(w);
    });
  }

  onChange(listener: (w: MaintenanceWindow) => void): void {
    this.listeners.push(listener);
  }

  /** What a person may see: the Command Center and working groups everything, a vendor its systems, a unit its own. */
  list(p: Principal, filter: { systemId?: string; unitCode?: string } = {}): MaintenanceWindow[] {
    const scoped =
      p.role === 'vendor_focal'
        ? { vendorCode: p.vendorCode ?? '\u0000' }
        : p.role === 'unit_focal'
          ? { unitCode: p.unitCode ?? '\u0000' }
          : {};
    return this.book.list({ ...filter, ...scoped });
  }

  async plan(p: Principal, input: PlanMaintenance, idempotencyKey: string): Promise<MaintenanceWindow> {
    const system = this.deps.registry.system(input.system_id);
    if (!system) {
      throw new DomainError(
        'NOT_FOUND',
        404,
        bilingual(`Không có hệ thống ${input.system_id}.`, `No system ${input.system_id}.`),
      );
    }
    const ownVendor = p.role === 'vendor_focal' && p.vendorCode === system.vendorCode;
    if (!ownVendor && !CC_PLANNERS.has(p.role)) {
      throw forbidden(
        bilingual(
          'Chỉ doanh nghiệp vận hành hệ thống hoặc Trung tâm chỉ huy được lập kế hoạch bảo trì.',
          'Only the vendor running the system or the Command Center may plan its maintenance.',
        ),
      );
    }
    if (Date.parse(input.ends_at) <= this.deps.now()) {
      throw new DomainError(
        'UNPROCESSABLE',
        422,
        bilingual('Đợt bảo trì này đã kết thúc trong quá khứ.', 'This window has already ended.'),
      );
    }
    const id = `mw-${createHash('sha256').update(`${p.id}\u0000${idempotencyKey}`).digest('hex').slice(0, 16)}`;
    const existing = this.book.get(id);
    if (existing) return existing;
    const at = new Date(this.deps.now()).toISOString();
    const w: Omit<MaintenanceWindow, 'version'> = {
      id,
      system_id: system.id,
      unit_code: system.unitCode,
      vendor_code: system.vendorCode,
      starts_at: new Date(input.starts_at).toISOString(),
      ends_at: new Date(input.ends_at).toISOString(),
      reason: input.reason,
      state: 'planned',
      planned_by: { id: p.id, name: p.name },
      planned_at: at,
      decided_by: null,
      decided_at: null,
      note: null,
    };
    await this.append(p, 'planned', null, w, 0);
    return this.book.get(id) as MaintenanceWindow;
  }

  approve(p: Principal, id: string): Promise<MaintenanceWindow> {
    return this.decide(p, id, 'approved', null);
  }

  reject(p: Principal, id: string, note: string): Promise<MaintenanceWindow> {
    return this.decide(p, id, 'rejected', note);
  }

  async cancel(p: Principal, id: string, note: string): Promise<MaintenanceWindow> {
    const w = this.require(id);
    const planner = p.role === 'vendor_focal' && p.vendorCode === w.vendor_code;
    if (!planner && !DECIDERS.has(p.role)) {
      throw forbidden(
        bilingual(
          'Chỉ doanh nghiệp đã lập hoặc Trung tâm chỉ huy được hủy đợt bảo trì.',
          'Only the vendor that planned it or the Command Center may cancel a window.',
        ),
      );
    }
    return this.transition(p, w, 'cancelled', note, ['planned', 'approved']);
  }

  private async decide(
    p: Principal,
    id: string,
    to: 'approved' | 'rejected',
    note: string | null,
  ): Promise<MaintenanceWindow> {
    const w = this.require(id);
    if (!DECIDERS.has(p.role)) {
      throw forbidden(
        bilingual(
          'Chỉ Tổ trưởng hoặc Tổ điều phối doanh nghiệp được duyệt kế hoạch bảo trì.',
          'Only the Command Center lead or vendor coordination may decide on maintenance.',
        ),
      );
    }
    return this.transition(p, w, to, note, ['planned']);
  }

  private async transition(
    p: Principal,
    w: MaintenanceWindow,
    to: MaintenanceState,
    note: string | null,
    from: readonly MaintenanceState[],
  ): Promise<MaintenanceWindow> {
    if (w.state === to) return w;
    if (!from.includes(w.state) || Date.parse(w.ends_at) <= this.deps.now()) {
      throw new DomainError(
        'INVALID_TRANSITION',
        409,
        bilingual(
          `Không thể chuyển đợt bảo trì từ “${MAINTENANCE_STATE_LABELS[w.state].vi}” sang “${MAINTENANCE_STATE_LABELS[to].vi}” (hoặc đợt đã kết thúc).`,
          `A window cannot go from “${MAINTENANCE_STATE_LABELS[w.state].en}” to “${MAINTENANCE_STATE_LABELS[to].en}” (or it has ended).`,
        ),
      );
    }
    const { version, ...before } = w;
    const after = {
      ...before,
      state: to,
      decided_by: { id: p.id, name: p.name },
      decided_at: new Date(this.deps.now()).toISOString(),
      note,
    };
    await this.append(p, to, before, after, version);
    return this.book.get(w.id) as MaintenanceWindow;
  }

  private require(id: string): MaintenanceWindow {
    const w = this.book.get(id);
    if (!w) throw new DomainError('NOT_FOUND', 404, bilingual(`Không có đợt bảo trì ${id}.`, `No window ${id}.`));
    return w;
  }

  private async append(
    p: Principal,
    type: MaintenanceState,
    before: Omit<MaintenanceWindow, 'version'> | null,
    after: Omit<MaintenanceWindow, 'version'>,
    expectedVersion: number,
  ): Promise<void> {
    const event: WorkflowEvent = {
      v: 1,
      event_id: randomUUID(),
      entity: 'maintenance',
      entity_id: after.id,
      type,
      at: new Date(this.deps.now()).toISOString(),
      actor: { id: p.id, role: p.role, name: p.name },
      unit_code: after.unit_code,
      issue_type: 0,
      priority: '',
      before: before,
      after: after,
      data: { system_id: after.system_id },
    };
    try {
      await this.deps.log.append(SUBJECTS.maintenance(after.id), event, {
        msgId: `maintenance:${after.id}:${type}:${expectedVersion}`,
        expectedVersion,
      });
    } catch (err) {
      if (err instanceof VersionConflictError)
        throw new DomainError(
          'CONFLICT',
          409,
          bilingual('Đợt bảo trì vừa được người khác thay đổi.', 'Someone else just changed this window.'),
        );
      throw err;
    }
  }
}
