import { createHash } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import { API_ERRORS } from '@kh02/schemas';

/** What a ticket command asked for, so a reused Idempotency-Key can be told from a genuine retry. */
export function commandDigest(actorId: string, action: string, data: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([actorId, action, data]))
    .digest('hex');
}

export const idempotencyConflict = () =>
  new DomainError('IDEMPOTENCY_CONFLICT', 422, API_ERRORS.IDEMPOTENCY_CONFLICT.message);

/**
 * Idempotency keys already applied, per ticket, with the digest of the
 * command each carried (rebuilt from the log at start). A retry with the same
 * command answers with the current ticket; the same key with another command
 * is a 422, never the old result.
 */
export class AppliedCommandKeys {
  private readonly digests = new Map<string, string | undefined>();

  record(ticketId: string, key: unknown, digest: unknown): void {
    if (typeof key !== 'string') return;
    this.digests.set(`${ticketId}:${key}`, typeof digest === 'string' ? digest : undefined);
  }

  /** 'new', 'replay' (already applied, same command), or throws the 422. */
  check(ticketId: string, key: string, digest: string): 'new' | 'replay' {
    const id = `${ticketId}:${key}`;
    if (!this.digests.has(id)) return 'new';
    const stored = this.digests.get(id);
    // Events written before digests were recorded cannot be compared: treated as the same command.
    if (stored !== undefined && stored !== digest) throw idempotencyConflict();
    return 'replay';
  }
}
