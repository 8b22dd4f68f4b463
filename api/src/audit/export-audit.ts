import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@kh02/schemas';
import type { Principal } from '../auth/principal.js';
import type { EventLog } from '../event-log/event-log.js';

export interface ExportRecord {
  /** What left the Center, e.g. `report:daily:2026-12-03`. */
  what: string;
  format: string;
  scope: string;
  /** Classification level of the content. */
  classification: string;
}

/**
 * Every download of Command Center data is an audit event (who, what, scope,
 * when), durable on the workflow log before the file is sent.
 */
export class ExportAudit {
  constructor(
    private readonly log: EventLog,
    private readonly now: () => number,
  ) {}

  async record(p: Principal, r: ExportRecord): Promise<{ at: string }> {
    const at = new Date(this.now()).toISOString();
    const id = randomUUID();
    await this.log.append(
      SUBJECTS.exportAudit(id),
      {
        v: 1,
        event_id: id,
        entity: 'export',
        entity_id: r.what,
        type: 'downloaded',
        at,
        actor: { id: p.id, role: p.role, name: p.name },
        unit_code: p.unitCode ?? '',
        issue_type: 0,
        priority: '',
        before: null,
        after: null,
        data: { format: r.format, scope: r.scope, classification: r.classification, username: p.username },
      },
      { msgId: `export:${id}`, expectedVersion: 0 },
    );
    return { at };
  }
}
