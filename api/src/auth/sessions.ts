import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ClaimsSchema = z.object({
  sub: z.string(),
  ver: z.number().int(),
  iat: z.number(),
  exp: z.number(),
  /** This session's id, so one sign-out can end it alone (tokens issued before it existed have none). */
  sid: z.string().optional(),
});
export type SessionClaims = z.infer<typeof ClaimsSchema>;

/**
 * Stateless session tokens: base64url(claims).base64url(HMAC-SHA256). The
 * account's session version is inside, so changing a password or disabling
 * an account ends every session at once without a session table. One
 * session is ended by its `sid` (AccountService keeps the ended ones until
 * they would have expired anyway).
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
  }

  issue(sub: string, ver: number, nowMs: number): { token: string; expiresAt: string } {
    const claims: SessionClaims = {
      sub,
      ver,
      iat: nowMs,
      exp: nowMs + this.ttlMs,
      sid: randomBytes(12).toString('base64url'),
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(claims.exp).toISOString() };
  }

  verify(token: string, nowMs: number): SessionClaims | null {
    const [body, sig] = token.split('.');
    if (!body || !sig) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const parsed = ClaimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.exp <= nowMs) return null;
    return parsed.data;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
