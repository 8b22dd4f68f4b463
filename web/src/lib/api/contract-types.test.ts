/*
 * The signed-in principal is mirrored from the api package (it is not a wire schema in @kh02/schemas).
 * This check fails the type check when the two drift apart; the runtime assertion only keeps vitest happy.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Principal as ApiPrincipal } from '../../../../api/src/auth/principal';
import type { Principal } from './auth-api';

describe('mirrored api contracts', () => {
  it('match the api types exactly', () => {
    expectTypeOf<Principal>().toEqualTypeOf<ApiPrincipal>();
  });
});
