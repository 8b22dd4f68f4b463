import { randomUUID } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import { bilingual, searchFold, SUBJECTS, type Contact, type ContactInput, type WorkflowEvent } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { Principal } from '../auth/principal.js';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';

/** Who keeps the directory: the Command Center's lead, coordination and vendor-coordination teams. */
const EDITORS = ['cc_lead', 'cc_coordination', 'cc_vendor_coordination'];

/**
 * The Phụ lục IX contact directory (phone, hotline, email công vụ, scope of
 * support per unit and team), event-sourced on the workflow log like
 * accounts, so every change is in the audit trail and every replica agrees.
 */
export class ContactService {
  private readonly byId = new Map<string, Contact>();
  /** Folded text per contact, computed once per change so a search is one substring test per row. */
  private readonly haystack = new Map<string, string>();

  constructor(
    private readonly log: EventLog,
    private readonly registry: Registry,
    private readonly now: () => number,
  ) {
    log.on('contact', (e, seq) => this.apply(e, seq));
  }

  count(): number {
    return this.byId.size;
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id);
  }

  all(): Contact[] {
    return [...this.byId.values()];
  }

  /** Diacritic-insensitive, case-insensitive: every word of the query must occur ("ha noi ky thuat"). */
  search(q: string): Contact[] {
    const words = searchFold(q).split(' ').filter(Boolean);
    return this.all()
      .filter((c) => words.every((w) => (this.haystack.get(c.id) ?? '').includes(w)))
      .sort(
        (a, b) =>
          (a.unit_code ?? a.vendor_code ?? '').localeCompare(b.unit_code ?? b.vendor_code ?? '') ||
          a.name.localeCompare(b.name, 'vi'),
      );
  }

  /** Creates or replaces one row; `expectedVersion` 0 creates. */
  async put(actor: Principal, id: string, input: ContactInput): Promise<Contact> {
    if (!EDITORS.includes(actor.role))
      throw new DomainError(
        'FORBIDDEN',
        403,
        bilingual(
          'Chỉ Tổ trưởng, Nhóm Điều phối hoặc Nhóm Điều phối doanh nghiệp được sửa danh bạ.',
          'Only the team lead, Coordination or Vendor coordination may edit the directory.',
        ),
      );
    const unit = input.unit_code ?? input.serves_province;
    if (unit && !this.registry.kindOf(unit))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(`Không có đơn vị mã ${unit}.`, `No unit with code ${unit}.`),
      );
    if (input.vendor_code && !this.registry.vendor(input.vendor_code))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(`Không có doanh nghiệp mã ${input.vendor_code}.`, `No vendor with code ${input.vendor_code}.`),
      );
    const before = this.byId.get(id);
    const event: WorkflowEvent = {
      v: 1,
      event_id: randomUUID(),
      entity: 'contact',
      entity_id: id,
      type: before ? 'updated' : 'created',
      at: new Date(this.now()).toISOString(),
      actor: { id: actor.id, role: actor.role, name: actor.name },
      unit_code: input.unit_code ?? input.vendor_code ?? '',
      issue_type: 0,
      priority: '',
      before: before ? { ...before } : null,
      after: { ...input },
      data: { contact: input },
    };
    try {
      await this.log.append(SUBJECTS.contact(id), event, {
        msgId: event.event_id,
        expectedVersion: before?.version ?? 0,
      });
    } catch (err) {
      if (err instanceof VersionConflictError)
        throw new DomainError(
          'CONFLICT',
          409,
          bilingual(
            'Mục danh bạ vừa được người khác sửa; hãy tải lại.',
            'Someone else just changed this entry; reload.',
          ),
        );
      throw err;
    }
    const saved = this.byId.get(id);
    if (!saved) throw new Error(`contact ${id} missing after append`);
    return saved;
  }

  /** The contact row of an account, if the directory has one (email, Zalo phone for notifications). */
  ofAccount(accountId: string): Contact | undefined {
    return this.all().find((c) => c.account_id === accountId);
  }

  private apply(e: WorkflowEvent, seq: number): void {
    const current = this.byId.get(e.entity_id);
    if (current && seq <= current.version) return;
    const input = e.data.contact as ContactInput;
    const unit = input.unit_code ?? input.serves_province;
    const unitName = unit
      ? (this.registry.province(unit)?.name ?? this.registry.agency(unit)?.name ?? null)
      : input.vendor_code
        ? (this.registry.vendor(input.vendor_code)?.name ?? null)
        : null;
    const contact: Contact = { ...input, id: e.entity_id, unit_name: unitName, updated_at: e.at, version: seq };
    this.byId.set(contact.id, contact);
    this.haystack.set(
      contact.id,
      searchFold(
        [
          contact.name,
          contact.unit_name,
          contact.unit_code,
          contact.vendor_code,
          contact.team,
          contact.role,
          contact.email,
          contact.phone,
          contact.hotline,
          contact.scope,
        ]
          .filter(Boolean)
          .join(' '),
      ),
    );
  }
}
