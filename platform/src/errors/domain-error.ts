import type { ApiErrorCode, BilingualText } from '@kh02/schemas';

/**
 * A refused command in the domain's own words (a forbidden ticket action, a
 * wrong password, an illegal transition): a stable code, the HTTP status it
 * is answered with, and a message a person can act on, in Vietnamese and
 * English. Routes turn it into the standard error body.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ApiErrorCode | 'INVALID_TRANSITION',
    readonly status: number,
    readonly bilingualMessage: BilingualText,
  ) {
    super(bilingualMessage.en);
  }
}
