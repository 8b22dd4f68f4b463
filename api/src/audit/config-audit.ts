import { createHash, randomUUID } from 'node:crypto';
import { SUBJECTS } from '@kh02/schemas';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { EventLog } from '../event-log/event-log.js';

/**
 * Thresholds and SLA durations live in config files; a changed file is a
 * threshold change, so each start compares what it loaded with the last
 * recorded version and appends a before/after audit event when it differs.
 */
export class ConfigAudit {
  private readonly last = new Map<string, { hash: string; value: unknown; version: number }>();

  constructor(private readonly log: EventLog) {
    log.on('config', (e, seq) => {
      this.last.set(e.entity_id, { hash: String(e.data.hash), value: e.after, version: seq });
    });
  }

  /** Appends an audit event if `value` differs from what was last recorded under `name`; returns whether it did. */
  async record(name: string, value: Record<string, unknown>, source: string): Promise<boolean> {
    const hash = createHash('sha256').update(JSON.stringify(value)).digest('hex');
    const previous = this.last.get(name);
    if (previous?.hash === hash) return false;
    await this.log.append(
      SUBJECTS.config(name),
      {
        v: 1,
        event_id: randomUUID(),
        entity: 'config',
        entity_id: name,
        type: previous ? 'changed' : 'loaded',
        at: new Date().toISOString(),
        actor: { id: SYSTEM_PRINCIPAL.id, role: 'system', name: SYSTEM_PRINCIPAL.name },
        unit_code: '',
        issue_type: 0,
        priority: '',
        before: (previous?.value as Record<string, unknown> | undefined) ?? null,
        after: value,
        data: { hash, source },
      },
      { msgId: `config:${name}:${hash}`, expectedVersion: previous?.version ?? 0 },
    );
    return true;
  }
}
