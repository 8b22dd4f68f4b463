import type { ApiErrorCode, BilingualText } from '@kh02/schemas';

/** A refused ticket command, mapped to one HTTP answer by the routes. */
export class TicketError extends Error {
  override readonly name = 'TicketError';
  constructor(
    readonly code: ApiErrorCode | 'INVALID_TRANSITION',
    readonly status: number,
    readonly bilingualMessage: BilingualText,
  ) {
    super(bilingualMessage.en);
  }
}
